/**
 * Teams, the channel port's first implementation: CloudAdapter turns in (TeamsInbound), scenes out
 * as Adaptive Cards through the Bot Connector (TeamsChannel, Outbound, CloudGateway).
 */
export { TeamsChannel } from './channel';
export type { TeamsChannelDeps } from './channel';
export { TeamsInbound } from './inbound';
export type { TeamsInboundDeps } from './inbound';
export { CloudGateway } from './gateway';
export type { Channel, Gateway, MeetingNotice } from './gateway';
export { MeetingRoles } from './meetingRoles';
export { noticePage } from './noticePage';
export { Outbound } from './outbound';
export { cardActivity, renderScene } from './render';
