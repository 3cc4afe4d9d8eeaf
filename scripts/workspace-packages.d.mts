// Types for workspace-packages.mjs (the tests import it; scripts stay plain JS).
export declare const root: string;
export interface WorkspacePackage {
  dir: string;
  manifest: Record<string, any>;
}
export declare function workspacePackages(): WorkspacePackage[];
export declare function publishablePackages(): WorkspacePackage[];
