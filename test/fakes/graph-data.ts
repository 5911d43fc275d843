/**
 * Graph-shaped incidents, alerts and evidence for the fake Graph (the shapes of the v1.0 security
 * resources: camelCase enums, ISO times with seven fractional digits, `@odata.type` on evidence).
 */

type Json = Record<string, unknown>;

/** Evidence: a device by DNS name. */
export function deviceEvidence(dnsName: string): Json {
  return {
    "@odata.type": "#microsoft.graph.security.deviceEvidence",
    deviceDnsName: dnsName,
    mdeDeviceId: `mde-${dnsName.length}`,
    verdict: "suspicious",
    roles: [],
    tags: [],
  };
}

/** Evidence: a user account by UPN. */
export function userEvidence(upn: string): Json {
  return {
    "@odata.type": "#microsoft.graph.security.userEvidence",
    userAccount: { accountName: upn.split("@")[0], domainName: "CONTOSO", userPrincipalName: upn, displayName: upn },
  };
}

/** Evidence: an IP address. */
export function ipEvidence(ip: string): Json {
  return { "@odata.type": "#microsoft.graph.security.ipEvidence", ipAddress: ip };
}

/** Evidence: a file. */
export function fileEvidence(name: string): Json {
  return {
    "@odata.type": "#microsoft.graph.security.fileEvidence",
    fileDetails: { fileName: name, filePath: "C:\\Temp", sha256: "ab".repeat(32) },
  };
}

/** A time in Graph's seven-digit form. */
export function graphTime(iso: string): string {
  return new Date(iso).toISOString().replace("Z", "0000Z");
}

/** An alert (alerts_v2 shape); `at` sets created and last-update times. */
export function graphAlert(id: string, at: string, fields: Json = {}): Json {
  return {
    id,
    providerAlertId: id,
    status: "new",
    severity: "medium",
    classification: "unknown",
    determination: "unknown",
    serviceSource: "microsoftDefenderForEndpoint",
    detectionSource: "microsoftDefenderForEndpoint",
    title: `Alert ${id}`,
    description: "Suspicious activity.",
    category: "Execution",
    assignedTo: null,
    mitreTechniques: ["T1059"],
    createdDateTime: graphTime(at),
    lastUpdateDateTime: graphTime(at),
    evidence: [],
    ...fields,
  };
}

/** An incident (incident shape) with alerts; `created` and `updated` are ISO times. */
export function graphIncident(
  id: string,
  created: string,
  updated: string,
  fields: Json = {},
  alerts: Json[] = [],
): Json {
  return {
    id,
    incidentWebUrl: `https://security.microsoft.com/incidents/${id}?tid=11111111-2222-3333-4444-555555555555`,
    redirectIncidentId: null,
    tenantId: "11111111-2222-3333-4444-555555555555",
    displayName: `Incident ${id}`,
    description: "Multi-stage activity.",
    createdDateTime: graphTime(created),
    lastUpdateDateTime: graphTime(updated),
    assignedTo: null,
    classification: "unknown",
    determination: "unknown",
    status: "active",
    severity: "medium",
    customTags: [],
    systemTags: [],
    comments: [],
    alerts,
    ...fields,
  };
}
