import { Resource } from 'aws-cdk-lib';
import { CfnDataLakeAssociation } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IInstance } from './instance';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { validateLength, validatePattern } from '../private/validation';

/**
 * A data set (table) of the Amazon Connect analytics data lake.
 *
 * The constants are the data sets the Connect administrator guide documents; `AnalyticsDataSet.of()` takes any
 * other data set id (`aws connect list-analytics-data-lake-data-sets` lists the ones an instance offers).
 */
export class AnalyticsDataSet {
  /** Contact records (`contact_record`). */
  public static readonly CONTACT_RECORD = new AnalyticsDataSet('contact_record');
  /** Statistics per contact (`contact_statistic_record`). */
  public static readonly CONTACT_STATISTIC_RECORD = new AnalyticsDataSet('contact_statistic_record');
  /** Agent statistics per interval (`agent_statistic_record`). */
  public static readonly AGENT_STATISTIC_RECORD = new AnalyticsDataSet('agent_statistic_record');
  /** Agent statistics per queue and interval (`agent_queue_statistic_record`). */
  public static readonly AGENT_QUEUE_STATISTIC_RECORD = new AnalyticsDataSet('agent_queue_statistic_record');
  /** Submitted contact evaluations (`contact_evaluation_record`). */
  public static readonly CONTACT_EVALUATION_RECORD = new AnalyticsDataSet('contact_evaluation_record');
  /** Flow events (`contact_flow_events`). */
  public static readonly CONTACT_FLOW_EVENTS = new AnalyticsDataSet('contact_flow_events');
  /** Contact Lens conversational analytics (`contact_lens_conversational_analytics`). */
  public static readonly CONTACT_LENS_CONVERSATIONAL_ANALYTICS = new AnalyticsDataSet('contact_lens_conversational_analytics');
  /** Outbound campaign events (`outbound_campaign_events`). */
  public static readonly OUTBOUND_CAMPAIGN_EVENTS = new AnalyticsDataSet('outbound_campaign_events');
  /** Lex bot conversations (`bot_conversations`). */
  public static readonly BOT_CONVERSATIONS = new AnalyticsDataSet('bot_conversations');
  /** Lex bot intents (`bot_intents`). */
  public static readonly BOT_INTENTS = new AnalyticsDataSet('bot_intents');
  /** Lex bot slots (`bot_slots`). */
  public static readonly BOT_SLOTS = new AnalyticsDataSet('bot_slots');
  /** Forecasting: long-term forecasts (`long_term_forecasts`). */
  public static readonly LONG_TERM_FORECASTS = new AnalyticsDataSet('long_term_forecasts');
  /** Forecasting: short-term forecasts (`short_term_forecasts`). */
  public static readonly SHORT_TERM_FORECASTS = new AnalyticsDataSet('short_term_forecasts');
  /** Forecasting: intraday forecasts (`intraday_forecasts`). */
  public static readonly INTRADAY_FORECASTS = new AnalyticsDataSet('intraday_forecasts');
  /** Scheduling: staff shifts (`staff_shifts`). */
  public static readonly STAFF_SHIFTS = new AnalyticsDataSet('staff_shifts');
  /** Scheduling: staff shift activities (`staff_shift_activities`). */
  public static readonly STAFF_SHIFT_ACTIVITIES = new AnalyticsDataSet('staff_shift_activities');
  /** Scheduling: staff time off (`staff_timeoffs`). */
  public static readonly STAFF_TIMEOFFS = new AnalyticsDataSet('staff_timeoffs');
  /** Scheduling: staff time-off intervals (`staff_timeoff_intervals`). */
  public static readonly STAFF_TIMEOFF_INTERVALS = new AnalyticsDataSet('staff_timeoff_intervals');

  /**
   * A data set that has no constant here.
   *
   * @param dataSetId the id of the data set (1 to 255 characters), such as `contact_record`
   */
  public static of(dataSetId: string): AnalyticsDataSet {
    return new AnalyticsDataSet(dataSetId);
  }

  /** The id of the data set. */
  public readonly dataSetId: string;

  private constructor(dataSetId: string) {
    this.dataSetId = dataSetId;
  }
}

/**
 * Options for sharing an analytics data set.
 */
export interface AnalyticsDataSetAssociationOptions {
  /**
   * The AWS account (12 digits) the data set is shared with, through an AWS Resource Access Manager share
   * that an administrator of that account accepts. Replacing it replaces the association.
   *
   * @default - the account of the instance
   */
  readonly targetAccountId?: string;
}

/**
 * Properties of a `DataLakeAssociation`.
 */
export interface DataLakeAssociationProps extends AnalyticsDataSetAssociationOptions {
  /**
   * The instance whose data is shared.
   */
  readonly instance: IInstance;

  /**
   * The data set to share.
   */
  readonly dataSet: AnalyticsDataSet;
}

const ACCOUNT_ID = /^\d{12}$/;

/**
 * Shares a data set of an instance's analytics data lake with an AWS account (`AWS::Connect::DataLakeAssociation`),
 * so that it can be queried there, for example with Amazon Athena through AWS Lake Formation.
 *
 * Connect shares the data set through AWS Resource Access Manager; for another account, accept the share
 * (`resourceShareArn`) there. `instance.associateAnalyticsDataSet(...)` creates one inside the instance.
 *
 * @resource AWS::Connect::DataLakeAssociation
 */
export class DataLakeAssociation extends Resource implements connectRefs.IDataLakeAssociationRef {
  /**
   * The ARN of the AWS Resource Access Manager share of the data set.
   *
   * @attribute
   */
  public readonly resourceShareArn: string;

  /**
   * The id of the AWS Resource Access Manager share of the data set.
   *
   * @attribute
   */
  public readonly resourceShareId: string;

  /**
   * The id of the shared data set.
   */
  public readonly dataSetId: string;

  /**
   * The account the data set is shared with, undefined for the instance's own account.
   */
  public readonly targetAccountId?: string;

  /**
   * The ARN of the instance whose data is shared.
   */
  public readonly instanceArn: string;

  private readonly resource: CfnDataLakeAssociation;

  constructor(scope: Construct, id: string, props: DataLakeAssociationProps) {
    super(scope, id);

    const dataSetId = props.dataSet.dataSetId;
    validateLength(this, 'analytics data set id', dataSetId, 1, 255);
    validatePattern(this, 'target account id', props.targetAccountId, ACCOUNT_ID, 'an AWS account id of 12 digits');

    this.resource = new CfnDataLakeAssociation(this, 'Resource', {
      // The instance's id: AWS::Connect::DataLakeAssociation does not take its ARN.
      instanceId: props.instance.instanceId,
      dataSetId,
      targetAccountId: props.targetAccountId,
    });
    fixLogicalIdAtSynthesis(this.resource);

    this.resourceShareArn = this.resource.attrResourceShareArn;
    this.resourceShareId = this.resource.attrResourceShareId;
    this.dataSetId = dataSetId;
    this.targetAccountId = props.targetAccountId;
    this.instanceArn = props.instance.instanceArn;
  }

  /** A reference to the association (instance id, data set id and target account, from its physical id). */
  public get dataLakeAssociationRef(): connectRefs.DataLakeAssociationReference {
    return this.resource.dataLakeAssociationRef;
  }
}
