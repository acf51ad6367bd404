import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { ContactCenterStack } from '../../examples/contact-center/contact-center-stack';
import { ChatScript, FlowCoverage, SimulatedContactCenter } from '../../src';

/** The example's chat test scripts, run on the simulator: every outcome of the chat flow's sign-in, in and out of hours. */
describe('example contact center chat tests', () => {
  const app = new App();
  new ContactCenterStack(app, 'ExampleContactCenter', { env: { account: '111122223333', region: 'eu-west-2' } });
  const center = SimulatedContactCenter.fromApp(app);
  const scripts = ChatScript.fromDirectory(path.join(__dirname, '..', '..', 'examples', 'contact-center', 'chat-tests'));
  const results = scripts.map(script => script.run(center));

  test.each(results.map(result => [result.scriptName, result]))('%s', (_name, result) => {
    result.assertPassed();
  });

  test('the scripts cover every action and branch of the chat flow but its technical errors', () => {
    const coverage = FlowCoverage.of(center, results);
    const chat = coverage.flow('Chat');
    expect(chat.uncoveredActions).toEqual(['technical-problem']);
    expect([...chat.uncoveredBranches].sort()).toEqual([
      'check-hours (CheckHoursOfOperation): NoMatchingError',
      'set-support-queue (UpdateContactTargetQueue): NoMatchingError',
      'set-priority-queue (UpdateContactTargetQueue): NoMatchingError',
      'transfer-to-queue (TransferContactToQueue): NoMatchingError',
      'technical-problem (MessageParticipant): Next',
      // Text messages raise no error on chat: their error branches stay uncovered.
      ...['welcome', 'signed-in', 'opted-out', 'sign-in-failed', 'sign-in-timed-out', 'closed', 'queue-full']
        .map(action => `${action} (MessageParticipant): NoMatchingError`),
      'technical-problem (MessageParticipant): NoMatchingError',
    ].sort());
  });
});
