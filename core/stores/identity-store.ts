import type { ChannelName } from '../activity.ts';

/** A person as one channel knows them. */
export interface ChannelIdentity {
  channel: ChannelName;
  channelUserId: string;
}

/** A channel identity linked to a shopper. */
export interface IdentityLink extends ChannelIdentity {
  shopperId: string;
  /** ISO time of linking. */
  linkedAt: string;
}

/** A one-time code that links the channel it is sent from to `shopperId`. */
export interface LinkCode {
  code: string;
  shopperId: string;
  /** ISO expiry time. */
  expiresAt: string;
}

/**
 * One shopper id across channels. A channel identity belongs to at most one shopper; linking it again moves it.
 * Link codes are one-time: consuming returns the code once, and never after it expired.
 */
export interface IdentityStore {
  link(link: IdentityLink): Promise<void>;
  /** The shopper a channel identity belongs to. */
  resolve(identity: ChannelIdentity): Promise<string | undefined>;
  /** True when the identity was linked. */
  unlink(identity: ChannelIdentity): Promise<boolean>;
  listByShopper(shopperId: string): Promise<IdentityLink[]>;
  saveLinkCode(code: LinkCode): Promise<void>;
  /** Removes and returns the code when it exists and has not expired at `now`. */
  consumeLinkCode(code: string, now: Date): Promise<LinkCode | undefined>;
  /** Removes every link and pending code of a shopper; returns how many links were removed. */
  deleteByShopper(shopperId: string): Promise<number>;
  close(): Promise<void>;
}
