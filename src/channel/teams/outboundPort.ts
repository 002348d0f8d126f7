import type { Activity } from 'botbuilder';

/** How outbound calls are paced and retried (src/channel/teams/outbound's Outbound): one path for every Teams call. */
export interface OutboundPort {
  send<T>(conversationId: string, fn: () => Promise<T>): Promise<T>;
  update(conversationId: string, activityId: string, render: () => Promise<Partial<Activity> | undefined>, io: (activity: Partial<Activity>) => Promise<unknown>): void;
  flush(): Promise<void>;
}
