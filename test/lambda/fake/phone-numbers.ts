import type * as sdk from '@aws-sdk/client-connect';
import { FakeConnect, MemberRule, serviceError } from './connect';
import { flowsOf } from './flows';

/** A phone number claimed in the fake. */
export interface FakePhoneNumber {
  readonly PhoneNumberId: string;
  readonly PhoneNumberArn: string;
  readonly PhoneNumber: string;
  readonly PhoneNumberCountryCode: string;
  readonly PhoneNumberType: string;
  PhoneNumberDescription?: string;
  TargetArn: string;
  /** The instance, when the number is claimed to one (not to a traffic distribution group). */
  InstanceId?: string;
  Status: 'CLAIMED' | 'IN_PROGRESS' | 'FAILED';
  Message?: string;
  /** How many more DescribePhoneNumber requests see the operation in progress before it is over. */
  pendingPolls: number;
  /** What the operation in progress ends in. */
  outcome: { readonly status: 'CLAIMED' | 'FAILED'; readonly message?: string };
}

/** How the fake's phone numbers behave; change it in a test. */
export interface PhoneNumberSettings {
  /** How many DescribePhoneNumber requests see a claim, move or metadata update IN_PROGRESS. @default 2 */
  pollsUntilDone: number;
  /** The next claims end FAILED with these messages (one each), as when the target has reached its quota. */
  readonly failingClaims: string[];
  /** Numbers that are not available to claim (someone else has them, or they are in their cooldown). */
  readonly unavailable: Set<string>;
  /** The most results ListFlowAssociations returns in one page, whatever MaxResults asks. @default 1000 */
  listPageSize: number;
}

/** The state of the phone number domain of a fake. */
export interface PhoneNumberState {
  /** Claimed numbers by id. */
  readonly numbers: Map<string, FakePhoneNumber>;
  /** The flow (its ARN) of each voice number, by `<instance id>|<phone number id>`. */
  readonly associations: Map<string, string>;
  readonly settings: PhoneNumberSettings;
}

interface TokenUse {
  readonly fingerprint: string;
  readonly response: unknown;
}

const E164 = /^\+[1-9]\d{1,14}$/;
const UUID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
const DESCRIPTION = /^[\W\S_]*/;
const TAG_KEY = /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const INSTANCE_ARN = /^arn:aws:connect:[a-z0-9-]+:\d{12}:instance\/[-a-zA-Z0-9]+$/;
const TDG_ARN = /^arn:aws:connect:[a-z0-9-]+:\d{12}:traffic-distribution-group\/[-a-zA-Z0-9]+$/;
const TOLL_FREE = /^\+1(800|833|844|855|866|877|888)/;
const COUNTRIES: [string, string][] = [['+44', 'GB'], ['+49', 'DE'], ['+33', 'FR'], ['+61', 'AU'], ['+81', 'JP'], ['+1', 'US']];

const INSTANCE_ID: MemberRule = { required: true, min: 1, max: 100 };
const CLIENT_TOKEN: MemberRule = { max: 500 };

/** The phone number state of a fake (created on first use). */
export function phoneNumberState(fake: FakeConnect): PhoneNumberState {
  const holder = fake.table<PhoneNumberState>('phone-numbers');
  let state = holder.get('state');
  if (!state) {
    state = {
      numbers: new Map(),
      associations: new Map(),
      settings: { pollsUntilDone: 2, failingClaims: [], unavailable: new Set(), listPageSize: 1000 },
    };
    holder.set('state', state);
  }
  return state;
}

/** Adds a number claimed (and settled) to a target: an instance ARN or a traffic distribution group ARN. */
export function seedPhoneNumber(fake: FakeConnect, phoneNumber: string, targetArn: string, tags: Record<string, string> = {}): FakePhoneNumber {
  const number = newNumber(fake, phoneNumber, targetArn, undefined);
  number.Status = 'CLAIMED';
  number.pendingPolls = 0;
  phoneNumberState(fake).numbers.set(number.PhoneNumberId, number);
  fake.trackTags(number.PhoneNumberArn, tags);
  return number;
}

/** The flow (ARN) a voice number is associated with in an instance. */
export function associationOf(fake: FakeConnect, instanceId: string, phoneNumberId: string): string | undefined {
  return phoneNumberState(fake).associations.get(`${instanceId}|${phoneNumberId}`);
}

/** Releases a number behind CloudFormation's back (as the console would). */
export function releaseOutOfBand(fake: FakeConnect, phoneNumberId: string): void {
  release(fake, phoneNumberState(fake), phoneNumberId);
}

function newNumber(fake: FakeConnect, phoneNumber: string, targetArn: string, description: string | undefined): FakePhoneNumber {
  const id = fake.newId();
  const state = phoneNumberState(fake);
  return {
    PhoneNumberId: id,
    PhoneNumberArn: `arn:aws:connect:${fake.region}:${fake.account}:phone-number/${id}`,
    PhoneNumber: phoneNumber,
    PhoneNumberCountryCode: COUNTRIES.find(([prefix]) => phoneNumber.startsWith(prefix))?.[1] ?? 'US',
    PhoneNumberType: TOLL_FREE.test(phoneNumber) ? 'TOLL_FREE' : 'DID',
    PhoneNumberDescription: description,
    TargetArn: targetArn,
    InstanceId: INSTANCE_ARN.test(targetArn) ? fake.instance(targetArn).id : undefined,
    Status: 'IN_PROGRESS',
    pendingPolls: state.settings.pollsUntilDone,
    outcome: { status: 'CLAIMED' },
  };
}

function release(fake: FakeConnect, state: PhoneNumberState, id: string): void {
  const number = state.numbers.get(id);
  if (!number) {
    return;
  }
  state.numbers.delete(id);
  fake.forgetTags(number.PhoneNumberArn);
  for (const key of [...state.associations.keys()]) {
    if (key.endsWith(`|${id}`)) {
      state.associations.delete(key);
    }
  }
}

/** The number a `PhoneNumberId` member names (an id or an ARN), or a ResourceNotFoundException. */
function findNumber(state: PhoneNumberState, idOrArn: string): FakePhoneNumber {
  const number = state.numbers.get(idOrArn.slice(idOrArn.lastIndexOf('/') + 1));
  if (!number) {
    throw serviceError('ResourceNotFoundException', `Phone number not found: ${idOrArn}`, 404);
  }
  return number;
}

function requireSettled(number: FakePhoneNumber, operation: string): void {
  if (number.Status === 'IN_PROGRESS') {
    throw serviceError('ResourceInUseException', `${operation}: an operation on phone number ${number.PhoneNumberId} is in progress`, 409);
  }
}

/** Checks the target of a claim or move: an instance of the fake or a traffic distribution group ARN. */
function checkTarget(fake: FakeConnect, input: { TargetArn?: string; InstanceId?: string }): string {
  if (input.TargetArn === undefined && input.InstanceId === undefined) {
    throw serviceError('InvalidParameterException', 'You must enter InstanceId or TargetArn');
  }
  if (input.TargetArn === undefined) {
    return fake.instance(input.InstanceId).arn;
  }
  if (INSTANCE_ARN.test(input.TargetArn)) {
    return fake.instance(input.TargetArn).arn;
  }
  if (!TDG_ARN.test(input.TargetArn)) {
    throw serviceError('InvalidParameterException', `Invalid TargetArn: ${input.TargetArn}`);
  }
  return input.TargetArn;
}

function checkTags(tags: Record<string, string> | undefined): void {
  if (tags === undefined) {
    return;
  }
  const entries = Object.entries(tags);
  if (entries.length < 1 || entries.length > 50) {
    throw serviceError('InvalidParameterException', "Value at 'tags' failed to satisfy constraint: Member must have 1 to 50 entries");
  }
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > 128 || !TAG_KEY.test(key)) {
      throw serviceError('InvalidParameterException', `Value '${key}' at 'tags' failed to satisfy constraint: invalid tag key`);
    }
    if (value.length > 256) {
      throw serviceError('InvalidParameterException', `Value at 'tags.${key}' failed to satisfy constraint: Member must have length less than or equal to 256`);
    }
  }
}

/**
 * The same ClientToken with the same request returns the first response; with another request it fails, as Connect's
 * idempotent operations do.
 */
function idempotent(fake: FakeConnect, operation: string, token: string | undefined, fingerprint: unknown, run: () => unknown): unknown {
  if (token === undefined) {
    return run();
  }
  const tokens = fake.table<TokenUse>(`phone-number-tokens:${operation}`);
  const key = JSON.stringify(fingerprint);
  const used = tokens.get(token);
  if (used) {
    if (used.fingerprint !== key) {
      throw serviceError('IdempotencyException', `An ${operation} request with the same client token and other parameters exists`, 409);
    }
    return used.response;
  }
  const response = run();
  tokens.set(token, { fingerprint: key, response });
  return response;
}

/** Starts an asynchronous operation on a number: IN_PROGRESS for the next describes, then `outcome`. */
function startOperation(state: PhoneNumberState, number: FakePhoneNumber, outcome: FakePhoneNumber['outcome'] = { status: 'CLAIMED' }): void {
  number.Status = 'IN_PROGRESS';
  number.Message = undefined;
  number.pendingPolls = state.settings.pollsUntilDone;
  number.outcome = outcome;
  if (number.pendingPolls <= 0) {
    number.Status = outcome.status;
    number.Message = outcome.message;
  }
}

/**
 * Phone numbers: claim a specific number (asynchronous, with a ClientToken), describe it (each describe advances an
 * operation in progress), move it to another target, update its description, release it, and the flow of a voice
 * number (associate, disassociate, list).
 *
 * Released numbers can be claimed again at once here; Connect keeps them in a cooldown (see `settings.unavailable`).
 */
export function phoneNumbersDomain(fake: FakeConnect): void {
  const state = () => phoneNumberState(fake);

  fake.register('ClaimPhoneNumber', {
    members: {
      PhoneNumber: { required: true, pattern: E164 },
      PhoneNumberDescription: { min: 0, max: 500, pattern: DESCRIPTION },
      ClientToken: { ...CLIENT_TOKEN, pattern: UUID },
      InstanceId: { min: 1, max: 100 },
    },
    run: (input: sdk.ClaimPhoneNumberRequest) => {
      const s = state();
      const targetArn = checkTarget(fake, input);
      checkTags(input.Tags);
      return idempotent(fake, 'ClaimPhoneNumber', input.ClientToken, [input.PhoneNumber, targetArn, input.PhoneNumberDescription, input.Tags], () => {
        const taken = [...s.numbers.values()].some((n) => n.PhoneNumber === input.PhoneNumber);
        if (taken || s.settings.unavailable.has(input.PhoneNumber!)) {
          throw serviceError('InvalidParameterException', `Phone number ${input.PhoneNumber} is not available to claim`);
        }
        const number = newNumber(fake, input.PhoneNumber!, targetArn, input.PhoneNumberDescription);
        const failure = s.settings.failingClaims.shift();
        startOperation(s, number, failure === undefined ? { status: 'CLAIMED' } : { status: 'FAILED', message: failure });
        s.numbers.set(number.PhoneNumberId, number);
        fake.trackTags(number.PhoneNumberArn, input.Tags);
        return { PhoneNumberId: number.PhoneNumberId, PhoneNumberArn: number.PhoneNumberArn };
      });
    },
  });

  fake.register('DescribePhoneNumber', {
    members: { PhoneNumberId: { required: true } },
    run: (input: sdk.DescribePhoneNumberRequest) => {
      const number = findNumber(state(), input.PhoneNumberId!);
      if (number.Status === 'IN_PROGRESS') {
        if (number.pendingPolls > 0) {
          number.pendingPolls--;
        } else {
          number.Status = number.outcome.status;
          number.Message = number.outcome.message;
        }
      }
      const tags = fake.tags.get(number.PhoneNumberArn) ?? {};
      const summary: sdk.ClaimedPhoneNumberSummary = {
        PhoneNumberId: number.PhoneNumberId,
        PhoneNumberArn: number.PhoneNumberArn,
        PhoneNumber: number.PhoneNumber,
        PhoneNumberCountryCode: number.PhoneNumberCountryCode as sdk.PhoneNumberCountryCode,
        PhoneNumberType: number.PhoneNumberType as sdk.PhoneNumberType,
        PhoneNumberDescription: number.PhoneNumberDescription,
        TargetArn: number.TargetArn,
        InstanceId: number.InstanceId,
        Tags: Object.keys(tags).length > 0 ? tags : undefined,
        PhoneNumberStatus: { Status: number.Status, Message: number.Message },
      };
      return { ClaimedPhoneNumberSummary: summary };
    },
  });

  fake.register('UpdatePhoneNumber', {
    members: { PhoneNumberId: { required: true }, ClientToken: CLIENT_TOKEN, InstanceId: { min: 1, max: 100 } },
    run: (input: sdk.UpdatePhoneNumberRequest) => {
      const s = state();
      const targetArn = checkTarget(fake, input);
      return idempotent(fake, 'UpdatePhoneNumber', input.ClientToken, [input.PhoneNumberId, targetArn], () => {
        const number = findNumber(s, input.PhoneNumberId!);
        requireSettled(number, 'UpdatePhoneNumber');
        number.TargetArn = targetArn;
        number.InstanceId = INSTANCE_ARN.test(targetArn) ? fake.instance(targetArn).id : undefined;
        // The flow configuration stays behind: Connect moves only the number.
        for (const key of [...s.associations.keys()]) {
          if (key.endsWith(`|${number.PhoneNumberId}`)) {
            s.associations.delete(key);
          }
        }
        startOperation(s, number);
        return { PhoneNumberId: number.PhoneNumberId, PhoneNumberArn: number.PhoneNumberArn };
      });
    },
  });

  fake.register('UpdatePhoneNumberMetadata', {
    members: {
      PhoneNumberId: { required: true },
      PhoneNumberDescription: { min: 0, max: 500, pattern: DESCRIPTION },
      ClientToken: CLIENT_TOKEN,
    },
    run: (input: sdk.UpdatePhoneNumberMetadataRequest) => {
      const s = state();
      return idempotent(fake, 'UpdatePhoneNumberMetadata', input.ClientToken, [input.PhoneNumberId, input.PhoneNumberDescription], () => {
        const number = findNumber(s, input.PhoneNumberId!);
        requireSettled(number, 'UpdatePhoneNumberMetadata');
        if (input.PhoneNumberDescription !== undefined) {
          number.PhoneNumberDescription = input.PhoneNumberDescription === '' ? undefined : input.PhoneNumberDescription;
        }
        startOperation(s, number);
        return {};
      });
    },
  });

  fake.register('ReleasePhoneNumber', {
    members: { PhoneNumberId: { required: true }, ClientToken: CLIENT_TOKEN },
    run: (input: sdk.ReleasePhoneNumberRequest) => {
      const s = state();
      return idempotent(fake, 'ReleasePhoneNumber', input.ClientToken, [input.PhoneNumberId], () => {
        const number = findNumber(s, input.PhoneNumberId!);
        requireSettled(number, 'ReleasePhoneNumber');
        release(fake, s, number.PhoneNumberId);
        return {};
      });
    },
  });

  fake.register('AssociatePhoneNumberContactFlow', {
    members: { PhoneNumberId: { required: true }, InstanceId: INSTANCE_ID, ContactFlowId: { required: true, max: 500 } },
    run: (input: sdk.AssociatePhoneNumberContactFlowRequest) => {
      const s = state();
      const instance = fake.instance(input.InstanceId);
      const number = findNumber(s, input.PhoneNumberId!);
      if (number.InstanceId !== undefined && number.InstanceId !== instance.id) {
        throw serviceError('InvalidParameterException', `Phone number ${number.PhoneNumberId} is not claimed to instance ${instance.id}`);
      }
      // The flows domain (flows.ts) holds the flows.
      const flow = flowsOf(fake).get(input.ContactFlowId!.slice(input.ContactFlowId!.lastIndexOf('/') + 1));
      if (!flow || flow.instanceId !== instance.id) {
        throw serviceError('ResourceNotFoundException', `Contact flow not found: ${input.ContactFlowId}`, 404);
      }
      if (flow.type !== 'CONTACT_FLOW') {
        throw serviceError('InvalidParameterException', `Only flows of type CONTACT_FLOW can be associated with a phone number, got ${flow.type}`);
      }
      s.associations.set(`${instance.id}|${number.PhoneNumberId}`, flow.arn);
      return {};
    },
  });

  fake.register('DisassociatePhoneNumberContactFlow', {
    members: { PhoneNumberId: { required: true }, InstanceId: INSTANCE_ID },
    run: (input: sdk.DisassociatePhoneNumberContactFlowRequest) => {
      const s = state();
      const instance = fake.instance(input.InstanceId);
      const number = findNumber(s, input.PhoneNumberId!);
      s.associations.delete(`${instance.id}|${number.PhoneNumberId}`);
      return {};
    },
  });

  fake.register('ListFlowAssociations', {
    members: {
      InstanceId: INSTANCE_ID,
      ResourceType: { enum: ['WHATSAPP_MESSAGING_PHONE_NUMBER', 'VOICE_PHONE_NUMBER', 'INBOUND_EMAIL', 'OUTBOUND_EMAIL', 'ANALYTICS_CONNECTOR'] },
    },
    run: (input: sdk.ListFlowAssociationsRequest) => {
      const s = state();
      const instance = fake.instance(input.InstanceId);
      if (input.MaxResults !== undefined && (input.MaxResults < 1 || input.MaxResults > 1000)) {
        throw serviceError('InvalidParameterException', "Value at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000");
      }
      const all = input.ResourceType === undefined || input.ResourceType === 'VOICE_PHONE_NUMBER'
        ? [...s.associations.entries()]
          .filter(([key]) => key.startsWith(`${instance.id}|`))
          .map(([key, flowArn]) => ({
            ResourceId: `arn:aws:connect:${fake.region}:${fake.account}:phone-number/${key.slice(key.indexOf('|') + 1)}`,
            FlowId: flowArn,
            ResourceType: 'VOICE_PHONE_NUMBER',
          }))
        : [];
      const start = input.NextToken === undefined ? 0 : Number(input.NextToken);
      if (!Number.isInteger(start) || start < 0 || start > all.length) {
        throw serviceError('InvalidParameterException', `Invalid NextToken: ${input.NextToken}`);
      }
      const size = Math.min(input.MaxResults ?? 100, s.settings.listPageSize);
      const end = start + size;
      return { FlowAssociationSummaryList: all.slice(start, end), NextToken: end < all.length ? String(end) : undefined };
    },
  });
}
