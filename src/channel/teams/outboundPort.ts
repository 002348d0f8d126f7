import type { Activity } from 'botbuilder';

/** How outbound calls are paced and retried (src/channel/teams/outbound's Outbound): one path for every Teams call. */
export interface OutboundPort {
  /** `ordered: false`: paced and retried, but not queued behind the conversation's ordered sends (a read). */
  send<T>(conversationId: string, fn: () => Promise<T>, options?: { ordered?: boolean }): Promise<T>;
  update(conversationId: string, activityId: string, render: () => Promise<Partial<Activity> | undefined>, io: (activity: Partial<Activity>) => Promise<unknown>): void;
  flush(): Promise<void>;
}
