/**
 * Graph alert evidence (polymorphic by `@odata.type`) reduced to a compact list of what was involved:
 * devices, users, mailboxes, IPs, files, processes, URLs and cloud resources. Unknown evidence types
 * are skipped, every value is bounded, and the list per alert is capped.
 */
import type { EvidenceItem, EvidenceKind } from "../domain/incident.js";
import { obj, str } from "./bounded.js";

/** Most evidence items kept per alert. */
export const MAX_EVIDENCE_PER_ALERT = 100;
const MAX_VALUE = 256;

type Collect = (kind: EvidenceKind, value: unknown) => void;

function account(e: Record<string, unknown> | undefined, add: Collect): void {
  if (!e) return;
  const upn = str(e.userPrincipalName, MAX_VALUE);
  const name = str(e.accountName, MAX_VALUE);
  const domain = str(e.domainName, MAX_VALUE);
  add("user", upn ?? (name && domain ? `${domain}\\${name}` : (name ?? str(e.displayName, MAX_VALUE))));
}

function device(e: Record<string, unknown> | undefined, add: Collect): void {
  if (!e) return;
  add("device", str(e.deviceDnsName, MAX_VALUE) ?? str(e.hostName, MAX_VALUE) ?? str(e.mdeDeviceId, MAX_VALUE));
  if (Array.isArray(e.ipInterfaces)) e.ipInterfaces.slice(0, 5).forEach((ip) => add("ip", ip));
  if (Array.isArray(e.loggedOnUsers)) e.loggedOnUsers.slice(0, 5).forEach((u) => account(obj(u), add));
}

/** Reads one evidence object into the collector by its type. */
function readOne(e: Record<string, unknown>, add: Collect): void {
  const type = String(e["@odata.type"] ?? "")
    .replace(/^#?microsoft\.graph\.security\./i, "")
    .toLowerCase();
  switch (type) {
    case "deviceevidence":
      return device(e, add);
    case "iotdeviceevidence":
      return add("device", e.deviceName ?? e.deviceId);
    case "userevidence":
      return account(obj(e.userAccount), add);
    case "mailboxevidence":
      add("mailbox", e.primaryAddress);
      return account(obj(e.userAccount), add);
    case "mailboxconfigurationevidence":
      return add("mailbox", e.mailboxPrimaryAddress);
    case "analyzedmessageevidence":
      add("mailbox", e.recipientEmailAddress);
      add("ip", e.senderIp);
      if (Array.isArray(e.urls)) e.urls.slice(0, 5).forEach((u) => add("url", u));
      return;
    case "ipevidence":
      return add("ip", e.ipAddress);
    case "urlevidence":
      return add("url", e.url);
    case "fileevidence":
      return add("file", obj(e.fileDetails)?.fileName);
    case "filehashevidence":
      return add("file", e.value);
    case "processevidence":
      add("process", obj(e.imageFile)?.fileName ?? e.processCommandLine);
      return account(obj(e.userAccount), add);
    case "hostlogonsessionevidence":
      device(obj(e.host), add);
      return account(obj(obj(e.account)?.userAccount), add);
    case "azureresourceevidence":
      return add("cloud", e.resourceId);
    case "amazonresourceevidence":
      return add("cloud", e.amazonResourceId);
    case "googlecloudresourceevidence":
      return add("cloud", e.fullResourceName);
    case "cloudapplicationevidence":
    case "oauthapplicationevidence":
      return add("cloud", e.displayName ?? e.appId);
    default:
      return;
  }
}

/** The compact, de-duplicated evidence of one alert. */
export function readEvidence(value: unknown): EvidenceItem[] {
  if (!Array.isArray(value)) return [];
  const items = new Map<string, EvidenceItem>();
  const add: Collect = (kind, raw) => {
    const v = str(raw, MAX_VALUE);
    if (v && items.size < MAX_EVIDENCE_PER_ALERT) items.set(`${kind}:${v.toLowerCase()}`, { kind, value: v });
  };
  for (const e of value) {
    const o = obj(e);
    if (o) readOne(o, add);
  }
  return [...items.values()];
}
