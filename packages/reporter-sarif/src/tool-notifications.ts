// Run problems become invocation.toolExecutionNotifications: GitHub shows them as "tool errors" on the
// analysis, distinct from alerts, and `executionSuccessful: false` marks the run as incomplete.

import type { Notification } from '@migralint/core';
import { artifactLocation } from './artifact-uri.js';
import type { ReporterOptions } from './options.js';
import type { SarifNotification } from './sarif-log.js';

export function toolNotification(notification: Notification, options: ReporterOptions, ruleIndex: Map<string, number>): SarifNotification {
  const index = notification.ruleId === undefined ? undefined : ruleIndex.get(notification.ruleId);
  return {
    level: notification.level,
    message: { text: notification.message },
    ...(notification.ruleId === undefined ? {} : { associatedRule: { id: notification.ruleId, ...(index === undefined ? {} : { index }) } }),
    ...(notification.file === undefined ? {} : { locations: [{ physicalLocation: { artifactLocation: artifactLocation(notification.file, options) } }] }),
    ...(options.verbose && notification.detail ? { properties: { detail: notification.detail } } : {}),
  };
}
