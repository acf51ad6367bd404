import { errorMessage, errorName, HandlerError, isNotFound, isQuotaError, isThrottling, isTransient, sdkCause } from '../../../lambda/engine/errors';
import { serviceError } from '../fake';
import { networkError } from './runtime';

describe('error classification', () => {
  test.each([
    ['ThrottlingException', serviceError('ThrottlingException', 'Rate exceeded', 429)],
    ['TooManyRequestsException', serviceError('TooManyRequestsException', 'slow down', 429)],
    ['a 500', serviceError('InternalServiceException', 'boom', 500)],
    ['a 502 without a modeled type', serviceError('BadGateway', 'bad gateway', 502)],
    ['a server fault without a status', Object.assign(new Error('x'), { name: 'Weird', $fault: 'server' })],
    ['TimeoutError (a lost response)', networkError('TimeoutError')],
    ['ECONNRESET', networkError('Error', 'ECONNRESET')],
    ['ETIMEDOUT', networkError('Error', 'ETIMEDOUT')],
    ['ECONNREFUSED', networkError('ECONNREFUSED')],
    ['an error the SDK marks retryable', Object.assign(new Error('x'), { name: 'Something', $retryable: {} })],
  ])('%s is transient', (_, error) => {
    expect(isTransient(error)).toBe(true);
    expect(isQuotaError(error)).toBe(false);
  });

  test.each([
    ['InvalidParameterException', serviceError('InvalidParameterException', 'bad', 400)],
    ['ResourceNotFoundException', serviceError('ResourceNotFoundException', 'gone', 404)],
    ['AccessDeniedException', serviceError('AccessDeniedException', 'no', 403)],
    ['DuplicateResourceException', serviceError('DuplicateResourceException', 'exists', 409)],
    ['a plain Error', new Error('bug')],
    ['a string', 'oops'],
    ['undefined', undefined],
  ])('%s is not transient', (_, error) => {
    expect(isTransient(error)).toBe(false);
  });

  test.each(['LimitExceededException', 'ServiceQuotaExceededException'])('%s is a quota error, never transient, even as a 5xx or retryable', (name) => {
    const error = Object.assign(serviceError(name, 'quota', 503), { $retryable: {} });
    expect(isQuotaError(error)).toBe(true);
    expect(isTransient(error)).toBe(false);
  });

  test('throttling and not-found are recognized by name', () => {
    expect(isThrottling(serviceError('ThrottlingException', 'x', 429))).toBe(true);
    expect(isThrottling(serviceError('InternalServiceException', 'x', 500))).toBe(false);
    expect(isNotFound(serviceError('ResourceNotFoundException', 'x', 404))).toBe(true);
    expect(isNotFound(serviceError('InvalidParameterException', 'x'))).toBe(false);
  });

  test('names and messages', () => {
    expect(errorName(serviceError('InvalidParameterException', 'x'))).toBe('InvalidParameterException');
    expect(errorName({ code: 'ECONNRESET' })).toBe('ECONNRESET');
    expect(errorName('a string')).toBe('Error');
    expect(errorMessage(serviceError('InvalidParameterException', 'Value at \'Name\' failed'))).toBe('InvalidParameterException: Value at \'Name\' failed');
    expect(errorMessage(serviceError('InvalidParameterException', 'UnknownError'))).toBe('InvalidParameterException: no message');
    expect(errorMessage(new HandlerError('property Name is required'))).toBe('property Name is required');
    expect(errorMessage('boom')).toBe('Error: boom');
    expect(errorMessage(null)).toBe('Error: null');
  });

  test('a HandlerError keeps the SDK error behind it', () => {
    const cause = serviceError('InternalServiceException', 'boom', 500);
    const error = new HandlerError('CreateX failed: boom', cause);
    expect(error.name).toBe('HandlerError');
    expect(error.sdkError).toBe(cause);
    expect(error).toBeInstanceOf(Error);
  });

  test('sdkCause is the SDK error behind a HandlerError, else the error itself', () => {
    const cause = serviceError('ResourceNotFoundException', 'gone', 404);
    expect(sdkCause(new HandlerError('DescribeX failed: gone', cause))).toBe(cause);
    const own = new HandlerError('property Name is required');
    expect(sdkCause(own)).toBe(own);
    expect(sdkCause(cause)).toBe(cause);
    expect(sdkCause('oops')).toBe('oops');
    expect(sdkCause(undefined)).toBeUndefined();
  });

  test('the classifications look through a HandlerError to the SDK error behind it', () => {
    const notFound = new HandlerError('DescribeX failed: gone', serviceError('ResourceNotFoundException', 'gone', 404));
    expect(isNotFound(notFound)).toBe(true);
    expect(errorName(notFound)).toBe('ResourceNotFoundException');
    expect(isTransient(notFound)).toBe(false);
    const throttled = new HandlerError('CreateX failed', serviceError('ThrottlingException', 'Rate exceeded', 429));
    expect(isThrottling(throttled)).toBe(true);
    expect(isTransient(throttled)).toBe(true);
    const quota = new HandlerError('CreateX failed', serviceError('ServiceQuotaExceededException', 'quota', 402));
    expect(isQuotaError(quota)).toBe(true);
    expect(isTransient(quota)).toBe(false);
    // The HandlerError's own message is kept for the failure reason.
    expect(errorMessage(notFound)).toBe('DescribeX failed: gone');
  });

  test('a HandlerError without an SDK error behind it is none of these', () => {
    const own = new HandlerError('property Name is required');
    expect(errorName(own)).toBe('HandlerError');
    expect(isNotFound(own)).toBe(false);
    expect(isThrottling(own)).toBe(false);
    expect(isQuotaError(own)).toBe(false);
    expect(isTransient(own)).toBe(false);
  });
});
