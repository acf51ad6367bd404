/**
 * The cdk-connect custom resource handler: one Lambda function per stack serves every kind of resource the library
 * creates through the Amazon Connect API. esbuild bundles this file (and the SDK) into assets/connect-handler.
 */
import * as http from 'http';
import * as https from 'https';
import { URL } from 'url';
import { ConnectClient } from '@aws-sdk/client-connect';
import { runEvent } from './engine/run';
import { CloudFormationEvent, CloudFormationResponse } from './engine/types';
import { KINDS } from './kinds';

/** The part of the Lambda context the handler uses. */
export interface LambdaContext {
  readonly logGroupName?: string;
  readonly logStreamName?: string;
  getRemainingTimeInMillis(): number;
}

/** Time kept back from the Lambda's timeout to send the response. */
const RESPONSE_MARGIN_MS = 20_000;

/** How long one Connect request may take before it is abandoned as lost (and retried). */
const REQUEST_TIMEOUT_MS = 15_000;

let client: ConnectClient | undefined;

export async function handler(event: CloudFormationEvent, context: LambdaContext): Promise<void> {
  // The engine retries (with backoff and jitter within the Lambda's time), so the SDK must not retry on its own.
  // A request that hangs (a lost response) must fail in time to be retried, not hold the handler until its timeout.
  client ??= new ConnectClient({
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true },
  });
  const logHint = context.logStreamName ? `log stream ${context.logGroupName ?? ''} ${context.logStreamName}`.trim() : 'the handler\'s log';
  const { response } = await runEvent(event, KINDS, {
    client,
    deadline: Date.now() + context.getRemainingTimeInMillis() - RESPONSE_MARGIN_MS,
  }, logHint);
  await sendResponse(event.ResponseURL, response);
}

/** PUTs the response to CloudFormation's pre-signed URL, trying a few times if the network fails. */
export async function sendResponse(url: string, response: CloudFormationResponse, attempts = 5): Promise<void> {
  const body = JSON.stringify(response);
  for (let attempt = 1; ; attempt++) {
    try {
      await put(url, body);
      return;
    } catch (error) {
      if (attempt >= attempts) {
        throw error;
      }
      console.log(`sending the response failed (${String(error)}), trying again`);
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/** PUTs a body to a URL: https (CloudFormation's pre-signed S3 URL), or http (tests). */
function put(url: string, body: string): Promise<void> {
  const target = new URL(url);
  const send = target.protocol === 'http:' ? http.request : https.request;
  return new Promise((resolve, reject) => {
    const req = send({
      hostname: target.hostname,
      port: target.port || (target.protocol === 'http:' ? 80 : 443),
      path: `${target.pathname}${target.search}`,
      method: 'PUT',
      // The pre-signed URL was signed without a content type: S3 rejects the PUT if one is sent.
      headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
      timeout: 30_000,
    }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode !== undefined && res.statusCode < 300
        ? resolve()
        : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 30 s')));
    req.on('error', reject);
    req.end(body);
  });
}
