// @migralint/rules-rls: row-level security across the whole history — tables clients can reach
// without RLS, policies that do nothing or grant everything, views and SECURITY DEFINER functions
// that bypass the policies, and policies that trust what users can edit. Settings:
// `exposedSchemas` (default ["public"]), `authFunctions` (["auth.uid", "auth.jwt", "auth.role"]),
// `publicRoles` (["anon", "authenticated", "public"]).
import { definePlugin } from '@migralint/core';
import authFunctionPerRow from './rules/auth-function-per-row.js';
import grantToPublicRoleWithoutRls from './rules/grant-to-public-role-without-rls.js';
import noDisableRls from './rules/no-disable-rls.js';
import permissiveTruePolicy from './rules/permissive-true-policy.js';
import policyWithoutRls from './rules/policy-without-rls.js';
import rlsWithoutPolicy from './rules/rls-without-policy.js';
import securityDefinerSearchPath from './rules/security-definer-search-path.js';
import tableWithoutRls from './rules/table-without-rls.js';
import userMetadataInPolicy from './rules/user-metadata-in-policy.js';
import viewSecurityInvoker from './rules/view-security-invoker.js';

export default definePlugin({
  name: 'rls',
  rules: {
    'table-without-rls': tableWithoutRls,
    'policy-without-rls': policyWithoutRls,
    'rls-without-policy': rlsWithoutPolicy,
    'permissive-true-policy': permissiveTruePolicy,
    'auth-function-per-row': authFunctionPerRow,
    'no-disable-rls': noDisableRls,
    'security-definer-search-path': securityDefinerSearchPath,
    'view-security-invoker': viewSecurityInvoker,
    'grant-to-public-role-without-rls': grantToPublicRoleWithoutRls,
    'user-metadata-in-policy': userMetadataInPolicy,
  },
});
