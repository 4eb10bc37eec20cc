import { ForbiddenError } from '../errors.ts';

/** Studio roles, each allowed everything the ones before it may do. */
export const STUDIO_ROLES = ['viewer', 'editor', 'publisher', 'admin'] as const;

/** A studio role: viewer (read), editor (drafts, preview), publisher (publish, rollback), admin (users, audit). */
export type StudioRole = (typeof STUDIO_ROLES)[number];

/** What a studio user may do. */
export type StudioPermission = 'read' | 'edit' | 'preview' | 'publish' | 'rollback' | 'manage_users' | 'read_audit';

/** The least role that holds each permission; roles are ordered, so a publisher may also edit. */
const LEAST_ROLE: Record<StudioPermission, StudioRole> = {
  read: 'viewer',
  edit: 'editor',
  preview: 'editor',
  publish: 'publisher',
  rollback: 'publisher',
  manage_users: 'admin',
  read_audit: 'admin',
};

/** Whether a role holds a permission. */
export function can(role: StudioRole, permission: StudioPermission): boolean {
  return STUDIO_ROLES.indexOf(role) >= STUDIO_ROLES.indexOf(LEAST_ROLE[permission]);
}

/** Every permission of a role, for the UI to decide which buttons to show. */
export function permissionsOf(role: StudioRole): StudioPermission[] {
  return (Object.keys(LEAST_ROLE) as StudioPermission[]).filter((p) => can(role, p));
}

/** Who is acting: the signed-in studio user. */
export interface StudioPrincipal {
  username: string;
  role: StudioRole;
}

/** Throws a ForbiddenError (403) naming the missing permission. */
export function requirePermission(principal: StudioPrincipal, permission: StudioPermission): void {
  if (!can(principal.role, permission)) {
    throw new ForbiddenError(`the role '${principal.role}' may not ${permission.replace('_', ' ')}`);
  }
}
