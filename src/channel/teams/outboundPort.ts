import type { Activity } from 'botbuilder';

/** Where a Teams call goes: its conversation, and the tenant whose budget it spends. */
export interface OutboundAddress {
  conversationId: string;
  tenantId?: string;
}

/** How outbound calls are paced and retried (src/channel/teams/outbound's Outbound): one path for every Teams call. */
export interface OutboundPort {
  /**
   * `to`: the conversation and its tenant (Teams limits calls per conversation and per tenant).
   * `ordered: false`: paced and retried, but not queued behind the conversation's ordered sends (a read).
   * `order`: a post's place in its café (`key`: the café, `rank`: its step's index in the plan); with
   * several instances, the café's pending posts of lower rank go first, on whichever instance they wait.
   */
  send<T>(to: OutboundAddress, fn: () => Promise<T>, options?: { ordered?: boolean; order?: { key: string; rank: number } }): Promise<T>;
  /** `onSettled`: called once an update covering this request was sent, skipped or refused for good. */
  update(
    to: OutboundAddress, activityId: string, render: () => Promise<Partial<Activity> | undefined>, io: (activity: Partial<Activity>) => Promise<unknown>,
    onSettled?: () => void,
  ): void;
  flush(): Promise<void>;
}
