/**
 * Resolving an incident: the classification and the determinations Defender accepts with it, read
 * from words people type (`tp`, `false-positive`, `Malware`) and always sent with metadata names.
 */

/** Determinations allowed under each classification (Graph metadata names). */
export const DETERMINATIONS_BY_CLASSIFICATION: Record<string, readonly string[]> = {
  truePositive: [
    "multiStagedAttack",
    "maliciousUserActivity",
    "compromisedAccount",
    "malware",
    "phishing",
    "unwantedSoftware",
    "apt",
    "other",
  ],
  informationalExpectedActivity: [
    "securityTesting",
    "lineOfBusinessApplication",
    "confirmedActivity",
    "securityPersonnel",
    "other",
  ],
  falsePositive: ["notMalicious", "notEnoughDataToValidate", "other"],
};

const CLASSIFICATION_WORDS: Record<string, string> = {
  tp: "truePositive",
  truepositive: "truePositive",
  fp: "falsePositive",
  falsepositive: "falsePositive",
  benign: "informationalExpectedActivity",
  expected: "informationalExpectedActivity",
  informationalexpectedactivity: "informationalExpectedActivity",
};

/** Old prose names some docs still use, read as their metadata names. */
const OLD_DETERMINATIONS: Record<string, string> = {
  compromiseduser: "compromisedAccount",
  clean: "notMalicious",
  insufficientdata: "notEnoughDataToValidate",
  confirmeduseractivity: "confirmedActivity",
};

function squash(word: string): string {
  return word.toLowerCase().replace(/[\s_-]/g, "");
}

/** A classification from a typed word, or undefined. */
export function parseClassification(word: string): string | undefined {
  return CLASSIFICATION_WORDS[squash(word)];
}

/** A determination allowed with the classification, or undefined. */
export function parseDetermination(word: string, classification: string): string | undefined {
  const key = squash(word);
  const name =
    OLD_DETERMINATIONS[key] ??
    (DETERMINATIONS_BY_CLASSIFICATION[classification] ?? []).find((d) => d.toLowerCase() === key);
  return name && (DETERMINATIONS_BY_CLASSIFICATION[classification] ?? []).includes(name) ? name : undefined;
}
