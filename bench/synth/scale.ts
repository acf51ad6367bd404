/** The size of the reference contact center that both variants of the synth benchmark build. */
export const SCALE = {
  hoursOfOperation: 10,
  queues: 50,
  routingProfiles: 20,
  queuesPerRoutingProfile: 10,
  flows: 30,
  users: 300,
  securityProfiles: 10,
  quickConnects: 30,
};

/** The permissions every security profile of the reference contact center has. */
export const PERMISSIONS = ['BasicAgentAccess', 'OutboundCallAccess', 'AccessMetrics', 'ListenCallRecordings'];

/** The password secret every user of the reference contact center reads. */
export const PASSWORD_SECRET = 'bench/connect-user-password';

/** A transfer flow (for quick connects): transfer to the agent or queue the quick connect names, else end. */
export function transferFlowContent(transferType: 'TransferContactToAgent' | 'TransferContactToQueue'): object {
  return {
    Version: '2019-10-30',
    StartAction: 'transfer',
    Actions: [
      {
        Identifier: 'transfer',
        Type: transferType,
        Parameters: {},
        Transitions: { NextAction: 'disconnect', Errors: [{ NextAction: 'disconnect', ErrorType: 'NoMatchingError' }] },
      },
      { Identifier: 'disconnect', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  };
}

/** A small inbound flow: greet, set the queue given as a placeholder, transfer to it. */
export function flowContent(queueArn: string): object {
  return {
    Version: '2019-10-30',
    StartAction: 'greet',
    Actions: [
      {
        Identifier: 'greet',
        Type: 'MessageParticipant',
        Parameters: { Text: 'Thank you for calling.' },
        Transitions: { NextAction: 'set-queue', Errors: [{ NextAction: 'disconnect', ErrorType: 'NoMatchingError' }] },
      },
      {
        Identifier: 'set-queue',
        Type: 'UpdateContactTargetQueue',
        Parameters: { QueueId: queueArn },
        Transitions: { NextAction: 'transfer', Errors: [{ NextAction: 'disconnect', ErrorType: 'NoMatchingError' }] },
      },
      {
        Identifier: 'transfer',
        Type: 'TransferContactToQueue',
        Parameters: {},
        Transitions: {
          NextAction: 'disconnect',
          Errors: [
            { NextAction: 'disconnect', ErrorType: 'QueueAtCapacity' },
            { NextAction: 'disconnect', ErrorType: 'NoMatchingError' },
          ],
        },
      },
      { Identifier: 'disconnect', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  };
}
