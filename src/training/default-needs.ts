/**
 * What each role needs before a lead sets anything, from the guidance's skills-readiness section:
 * analysts run incident response and threat hunting (hunting procedures are made ready for them),
 * work the Stage 1 tools (Defender for Endpoint, Office 365, Identity, Cloud Apps) and Microsoft
 * Sentinel, each at level 3; leads (and admins) also need automation and threat intelligence at 3.
 * `skills require <role> <skill> <level>` changes any of them (0 removes one).
 */

const ANALYST: Record<string, number> = {
  "incident-response": 3,
  hunting: 3,
  endpoint: 3,
  email: 3,
  identity: 3,
  "cloud-apps": 3,
  siem: 3,
};

const LEAD: Record<string, number> = { ...ANALYST, automation: 3, intel: 3 };

/** Default needs per team role. */
export const DEFAULT_ROLE_NEEDS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  analyst: ANALYST,
  lead: LEAD,
  admin: LEAD,
};
