/**
 * Resolving an incident: the classification and the determinations Defender accepts with it, read
 * from words people type (`tp`, `false-positive`, `Malware`) and always sent with metadata names.
 * The pairs follow Microsoft's documented classification table; `apt` and `securityPersonnel` stay
 * readable (older alerts carry them) but are never offered or sent.
 */
import type { AlertClassification, AlertDetermination } from "./incident.js";

/** A classification a person can resolve with. */
export type ResolvingClassification = Exclude<AlertClassification, "unknown" | "unknownFutureValue">;

/** Determinations allowed under each classification (Graph enum names), per Microsoft's table. */
export const DETERMINATIONS_BY_CLASSIFICATION: Record<ResolvingClassification, readonly AlertDetermination[]> = {
  truePositive: [
    "multiStagedAttack",
    "maliciousUserActivity",
    "compromisedAccount",
    "malware",
    "phishing",
    "unwantedSoftware",
    "other",
  ],
  informationalExpectedActivity: ["securityTesting", "lineOfBusinessApplication", "confirmedActivity", "other"],
  falsePositive: ["notMalicious", "notEnoughDataToValidate", "other"],
};

const CLASSIFICATION_WORDS: Record<string, ResolvingClassification> = {
  tp: "truePositive",
  truepositive: "truePositive",
  fp: "falsePositive",
  falsepositive: "falsePositive",
  benign: "informationalExpectedActivity",
  expected: "informationalExpectedActivity",
  informationalexpectedactivity: "informationalExpectedActivity",
};

/** Old prose names some docs still use, read as their metadata names. */
const OLD_DETERMINATIONS: Record<string, AlertDetermination> = {
  compromiseduser: "compromisedAccount",
  clean: "notMalicious",
  insufficientdata: "notEnoughDataToValidate",
  confirmeduseractivity: "confirmedActivity",
};

function squash(word: string): string {
  return word.toLowerCase().replace(/[\s_-]/g, "");
}

/** A classification from a typed word, or undefined. */
export function parseClassification(word: string): ResolvingClassification | undefined {
  return CLASSIFICATION_WORDS[squash(word)];
}

/** A determination allowed with the classification, or undefined. */
export function parseDetermination(word: string, classification: string): AlertDetermination | undefined {
  const key = squash(word);
  const allowed: readonly AlertDetermination[] =
    DETERMINATIONS_BY_CLASSIFICATION[classification as ResolvingClassification] ?? [];
  const name = OLD_DETERMINATIONS[key] ?? allowed.find((d) => d.toLowerCase() === key);
  return name && allowed.includes(name) ? name : undefined;
}
