import type { Activity } from 'botbuilder';
import { createSerializer } from 'botbuilder-stdlib/lib/azureCoreHttpCompat';
import type { ConnectorClient } from 'botframework-connector';
import * as Mappers from 'botframework-connector/lib/connectorApi/models/mappers';
import * as Parameters from 'botframework-connector/lib/connectorApi/models/parameters';

/**
 * A targeted message: a message in a group chat, a channel or a meeting chat that only its
 * recipient sees (Teams' "targeted messages", public developer preview). On the wire it is the
 * ordinary send (POST /v3/conversations/{id}/activities) with `?isTargetedActivity=true` and the
 * person as the activity's `recipient` (what Microsoft's Teams SDKs do: teams.net PR #303,
 * teams.py's targeted-messages example). botbuilder 4.23 has no call for it, so the send is
 * described here with the connector's own serializer and models.
 */
const serializer = createSerializer(Mappers as unknown as Record<string, never>);

const sendTargetedSpec = {
  httpMethod: 'POST',
  path: 'v3/conversations/{conversationId}/activities?isTargetedActivity=true',
  urlParameters: [Parameters.conversationId],
  requestBody: { parameterPath: 'activity', mapper: { ...Mappers.Activity, required: true } },
  responses: {
    200: { bodyMapper: Mappers.ResourceResponse },
    201: { bodyMapper: Mappers.ResourceResponse },
    202: { bodyMapper: Mappers.ResourceResponse },
    default: { bodyMapper: Mappers.ErrorResponse },
  },
  serializer,
};

interface OperationClient {
  sendOperationRequest(args: Record<string, unknown>, spec: unknown): Promise<{ id?: string }>;
}

/** Sends `activity` (its `recipient` set to the person) so that only that person sees it. */
export async function sendTargeted(client: ConnectorClient, conversationId: string, activity: Activity): Promise<string | undefined> {
  const result = await (client as unknown as OperationClient).sendOperationRequest({ conversationId, activity }, sendTargetedSpec);
  return result?.id;
}
