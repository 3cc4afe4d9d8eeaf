// The subset of SARIF 2.1.0 (OASIS) that migralint writes, typed so the compiler checks the shape
// the schema test validates. Names follow the spec; see test/sarif-schema-2.1.0.json.

export const SARIF_VERSION = '2.1.0';
/** The `$schema` GitHub code scanning and editors recognise. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

export interface SarifLocation {
  physicalLocation: { artifactLocation: SarifArtifactLocation; region?: SarifRegion };
}

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel; enabled?: boolean };
  properties: { tags: string[]; precision: 'very-high' | 'high' | 'medium' | 'low'; 'problem.severity': 'error' | 'warning' | 'recommendation' };
}

export interface SarifSuppression {
  kind: 'inSource' | 'external';
  status: 'accepted';
  justification?: string;
  location?: SarifLocation;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: [SarifLocation];
  partialFingerprints: Record<string, string>;
  suppressions?: SarifSuppression[];
}

export interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  associatedRule?: { id: string; index?: number };
  locations?: SarifLocation[];
  properties?: { detail: string };
}

export interface SarifRun {
  tool: {
    driver: {
      name: string;
      version: string;
      semanticVersion: string;
      informationUri: string;
      rules: SarifReportingDescriptor[];
    };
  };
  invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }>;
  originalUriBaseIds: Record<string, { uri: string; description?: SarifMessage }>;
  columnKind: 'utf16CodeUnits';
  results: SarifResult[];
}

export interface SarifLog {
  $schema: string;
  version: typeof SARIF_VERSION;
  runs: [SarifRun];
}
