import { createHmac } from 'node:crypto';
import {
  PermanentPluginError,
  type ServicePlugin,
  type ServicePluginContext,
} from '../../../backend/src/plugin-api';

/** Settings of the IT-login webhook, read from the environment by default. */
export interface ItAccountSettings {
  /** Endpoint of the identity system; without it the task records that nothing was sent. */
  webhookUrl?: string | undefined;
  /** Shared secret for the `X-Stageflow-Signature` HMAC-SHA256 header. */
  webhookSecret?: string | undefined;
}

/**
 * Builds the `it-account` service plugin. It POSTs the stage to the identity system with the
 * task's execution id as `Idempotency-Key`, so a retried call cannot create two logins.
 */
export function createItAccountPlugin(
  settings: ItAccountSettings = {
    webhookUrl: process.env.IT_ACCOUNT_WEBHOOK_URL,
    webhookSecret: process.env.IT_ACCOUNT_WEBHOOK_SECRET,
  },
): ServicePlugin {
  return {
    name: 'it-account',
    title: 'Create the IT login',
    description: 'Requests an IT login for the student from the hospital identity system.',
    run: (_input, context) => requestLogin(settings, context),
  };
}

async function requestLogin(
  settings: ItAccountSettings,
  context: ServicePluginContext,
): Promise<Record<string, unknown>> {
  if (!settings.webhookUrl) {
    context.log.info(
      { instanceId: context.instanceId },
      'IT_ACCOUNT_WEBHOOK_URL unset; no request sent',
    );
    return { status: 'not_configured' };
  }

  const body = JSON.stringify({
    event: 'stage.it_account.requested',
    stageId: context.stage.id,
    studentId: context.stage.studentId,
    hospitalId: context.stage.hospitalId,
    careUnitId: context.stage.careUnitId,
    startDate: context.stage.startDate,
    endDate: context.stage.endDate,
  });
  const response = await fetch(settings.webhookUrl, {
    method: 'POST',
    headers: buildHeaders(settings, context, body),
    body,
    signal: context.signal,
  });

  if (response.status >= 400 && response.status < 500 && response.status !== 429) {
    throw new PermanentPluginError(
      `The identity system rejected the request with HTTP ${response.status}; check the stage data.`,
    );
  }
  if (!response.ok) {
    throw new Error(
      `The identity system responded with HTTP ${response.status}; the call will be retried.`,
    );
  }

  const result = (await response.json().catch(() => ({}))) as { login?: unknown };
  return { status: 'created', login: typeof result.login === 'string' ? result.login : null };
}

function buildHeaders(
  settings: ItAccountSettings,
  context: ServicePluginContext,
  body: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': `${context.instanceId}-${context.executionId}`,
  };
  if (settings.webhookSecret) {
    const signature = createHmac('sha256', settings.webhookSecret).update(body).digest('hex');
    headers['x-stageflow-signature'] = `sha256=${signature}`;
  }
  return headers;
}
