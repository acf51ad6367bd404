import { ArnFormat, Stack, Token } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { ContactFlow, ContactFlowStatus, ContactFlowType, IContactFlow } from './contact-flow';
import { IPhoneNumber } from './phone-number';
import { connectResource } from '../custom-resources/resource';
import { parseInstanceArn } from '../private/arn';
import { validateFlowType } from '../private/flow-types';
import { validateSameInstance } from '../private/references';
import { fail } from '../private/validation';

/**
 * Properties of a phone number's flow association.
 */
export interface PhoneNumberFlowAssociationProps {
  /**
   * The voice phone number whose calls the flow takes.
   */
  readonly phoneNumber: IPhoneNumber;

  /**
   * The inbound flow (type `CONTACT_FLOW`) that runs when someone calls the number. The association is made in
   * the flow's instance, which must be the instance the number is claimed to (or, for a number of a traffic
   * distribution group, one of the group's instances).
   */
  readonly contactFlow: IContactFlow;
}

/** The associations of each app, by phone number: a number takes calls into one flow. */
const ASSOCIATIONS = new WeakMap<IConstruct, Map<string, PhoneNumberFlowAssociation>>();

/**
 * The inbound flow of a voice phone number: calls to the number run the flow.
 *
 * CloudFormation has no property for it, so a custom resource sets it with the Amazon Connect API
 * (`AssociatePhoneNumberContactFlow`). It reads the live association first: an update that changes nothing writes
 * nothing, a flow changed in the console is put back, and on delete the number is disassociated only if it still
 * has the flow this stack gave it. Another phone number replaces the association.
 *
 * Create it with `phoneNumber.associateFlow(flow)`; depend on it (`node.addDependency`) where something needs the
 * number to answer with the flow.
 *
 * ```ts
 * declare const phoneNumber: IPhoneNumber;
 * declare const inbound: IContactFlow;
 * phoneNumber.associateFlow(inbound);
 * ```
 */
export class PhoneNumberFlowAssociation extends Construct {
  /** The phone number. */
  public readonly phoneNumber: IPhoneNumber;

  /** The flow that calls to the number run. */
  public readonly contactFlow: IContactFlow;

  constructor(scope: Construct, id: string, props: PhoneNumberFlowAssociationProps) {
    super(scope, id);
    this.phoneNumber = props.phoneNumber;
    this.contactFlow = props.contactFlow;

    validateFlowType(this, 'the flow of a phone number', props.contactFlow, ContactFlowType.CONTACT_FLOW);
    if (props.contactFlow instanceof ContactFlow && props.contactFlow.contactFlowStatus === ContactFlowStatus.SAVED) {
      // A saved flow has never been published: Connect has nothing to run when the number is called.
      fail(this, `the flow of a phone number must be published, got '${props.contactFlow.node.path}' with status SAVED`);
    }
    if (props.phoneNumber.instanceArn !== undefined) {
      validateSameInstance(this, 'the flow of a phone number', props.phoneNumber.instanceArn, props.contactFlow.instanceArn);
    }
    this.register();

    const instanceArn = props.contactFlow.instanceArn;
    const phoneNumberArn = props.phoneNumber.phoneNumberArn;
    const contactFlowArn = props.contactFlow.contactFlowArn;
    // The provider's policy is created before every custom resource of the stack, so it cannot name the ARN of a
    // number or flow made in the stack (a number claimed by a custom resource would depend on the policy that depends
    // on it): those are scoped to the account's phone numbers and the instance's flows instead.
    const phoneNumberResource = Token.isUnresolved(phoneNumberArn) ? Stack.of(this).formatArn({
      service: 'connect',
      resource: 'phone-number',
      resourceName: '*',
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    }) : phoneNumberArn;
    connectResource(this, 'Resource', {
      resourceType: 'Custom::ConnectPhoneNumberFlow',
      properties: {
        InstanceId: parseInstanceArn(this, instanceArn),
        PhoneNumberArn: phoneNumberArn,
        ContactFlowArn: contactFlowArn,
      },
      permissions: [
        {
          actions: ['connect:AssociatePhoneNumberContactFlow', 'connect:DisassociatePhoneNumberContactFlow'],
          resources: [
            phoneNumberResource,
            Token.isUnresolved(contactFlowArn) ? `${instanceArn}/contact-flow/*` : contactFlowArn,
          ],
        },
        { actions: ['connect:ListFlowAssociations'], resources: [instanceArn] },
        {
          // The record of which resource holds the number's flow, a tag on the number.
          actions: ['connect:ListTagsForResource', 'connect:TagResource', 'connect:UntagResource'],
          resources: [phoneNumberResource],
        },
      ],
    });
  }

  /** Fails when the number already has a flow in this app. */
  private register(): void {
    const root = this.node.root;
    let byNumber = ASSOCIATIONS.get(root);
    if (!byNumber) {
      byNumber = new Map();
      ASSOCIATIONS.set(root, byNumber);
    }
    const arn = this.phoneNumber.phoneNumberArn;
    // Two imports of the same ARN are the same number; a number defined in the app is known by its construct.
    const key = Token.isUnresolved(arn) ? `construct:${this.phoneNumber.node.path}` : `arn:${arn}`;
    const existing = byNumber.get(key);
    if (existing) {
      fail(this, `a phone number takes calls into one flow: '${this.phoneNumber.node.path}' already has `
        + `'${existing.contactFlow.node.path}' (associated by '${existing.node.path}')`);
    }
    byNumber.set(key, this);
  }
}
