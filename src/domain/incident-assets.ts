/**
 * Honeypot and business-critical assets: what a name typed by a lead means (device, account, IP or
 * cloud resource) and which evidence of an incident touches one. Matching is case-insensitive and a
 * bare host name matches its fully qualified form.
 */
import { isIP } from "node:net";
import type { EvidenceItem } from "./incident.js";

/** Why an asset is watched: a decoy nobody should touch, or something the business depends on. */
export type AssetMark = "honeypot" | "critical";

/** What kind of thing an asset name is. */
export type AssetType = "device" | "account" | "ip" | "cloud";

/** A watched asset of one workspace. */
export interface WatchedAsset {
  type: AssetType;
  /** Normalized (lower case) for matching. */
  value: string;
  /** As the lead typed it, for display. */
  label: string;
  mark: AssetMark;
}

/** One asset an incident's evidence touches. */
export interface AssetTouch {
  asset: WatchedAsset;
  evidence: EvidenceItem;
}

const MAX_NAME = 256;

/** Reads an asset name, or explains in one line why it is not one. */
export function parseAssetName(raw: string): { type: AssetType; value: string } | { error: string } {
  const name = raw.trim();
  if (name === "" || name.length > MAX_NAME) return { error: `An asset name has 1 to ${MAX_NAME} characters.` };
  if (/[\s\u0000-\u001f\u007f<>"`|]/.test(name))
    return { error: 'An asset name has no spaces, control characters or <>"`|.' };
  const value = name.toLowerCase();
  if (isIP(name)) return { type: "ip", value };
  if (name.includes("@"))
    return /^[^@]+@[^@]+\.[^@]+$/.test(name)
      ? { type: "account", value }
      : { error: `"${name.slice(0, 40)}" is not an account (user@domain).` };
  if (/^(\/subscriptions\/|arn:|\/\/|projects\/)/i.test(name)) return { type: "cloud", value };
  if (/^[a-z0-9][a-z0-9._$-]*$/i.test(name)) return { type: "device", value };
  return { error: `"${name.slice(0, 40)}" is not a device name, account, IP address or cloud resource id.` };
}

function hostMatches(asset: string, evidence: string): boolean {
  if (asset === evidence) return true;
  const short = (s: string) => s.split(".")[0] ?? s;
  return (!asset.includes(".") && short(evidence) === asset) || (!evidence.includes(".") && short(asset) === evidence);
}

function matches(asset: WatchedAsset, e: EvidenceItem): boolean {
  const value = e.value.toLowerCase();
  switch (asset.type) {
    case "device":
      return e.kind === "device" && hostMatches(asset.value, value);
    case "account":
      return (e.kind === "user" || e.kind === "mailbox") && value === asset.value;
    case "ip":
      return e.kind === "ip" && value === asset.value;
    case "cloud":
      return e.kind === "cloud" && value === asset.value;
  }
}

/** Every watched asset the evidence touches, honeypots first, each asset once. */
export function touchedAssets(evidence: readonly EvidenceItem[], assets: readonly WatchedAsset[]): AssetTouch[] {
  const touches: AssetTouch[] = [];
  for (const asset of assets) {
    const hit = evidence.find((e) => matches(asset, e));
    if (hit) touches.push({ asset, evidence: hit });
  }
  return touches.sort((a, b) => (a.asset.mark === b.asset.mark ? 0 : a.asset.mark === "honeypot" ? -1 : 1));
}
