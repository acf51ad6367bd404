import { IResource, RemovalPolicy, Resource, Stack, Token } from 'aws-cdk-lib';
import { CfnContactFlowModule, CfnContactFlowModuleAlias, CfnContactFlowModuleVersion } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { FlowContent } from './flow-content';
import { IInstance } from './instance';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { fail, validateLength, validatePattern } from '../private/validation';
import { parseQualifiedArn, replaceOnChange } from '../private/versions';

/**
 * An Amazon Connect flow module, defined in this app or imported.
 */
export interface IContactFlowModule extends IResource, connectRefs.IContactFlowModuleRef {
  /**
   * The ARN of the flow module.
   *
   * @attribute
   */
  readonly contactFlowModuleArn: string;

  /**
   * The id of the flow module.
   *
   * @attribute
   */
  readonly contactFlowModuleId: string;

  /**
   * The ARN of the instance the flow module belongs to.
   */
  readonly instanceArn: string;

  /**
   * Publishes a version of the flow module: an immutable snapshot of its content and settings.
   *
   * A version is published when it is created; see `ContactFlowModuleVersion` for how versions behave when
   * the module changes.
   *
   * @param id the construct id of the version, unique among the module's children
   */
  addVersion(id: string, options?: ContactFlowModuleVersionOptions): ContactFlowModuleVersion;

  /**
   * Adds a named alias that points to a version of this flow module, such as `live`.
   *
   * @param id the construct id of the alias, unique among the module's children
   */
  addAlias(id: string, options: ContactFlowModuleAliasOptions): ContactFlowModuleAlias;
}

/**
 * Whether a flow module can be used.
 */
export enum ContactFlowModuleState {
  /** The module can be used. */
  ACTIVE = 'ACTIVE',
  /** The module is archived: it stays in the instance but cannot be used. */
  ARCHIVED = 'ARCHIVED',
}

/**
 * Properties of a flow module.
 */
export interface ContactFlowModuleProps {
  /**
   * The instance the flow module belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the flow module (1 to 127 characters, not only white space).
   */
  readonly contactFlowModuleName: string;

  /**
   * The content of the flow module, in the Amazon Connect flow language, with `${Name}` placeholders filled
   * from references.
   */
  readonly content: FlowContent;

  /**
   * A description of the flow module (1 to 500 characters, not only white space).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Whether the flow module can be used.
   *
   * @default ContactFlowModuleState.ACTIVE
   */
  readonly state?: ContactFlowModuleState;

  /**
   * The settings of the module, as a JSON string: the input and output parameters and the branches
   * (results) that flows see when they invoke it. Checked to be valid JSON unless it is a token.
   *
   * @default - no settings: the module takes no input and has no custom branches
   */
  readonly settings?: string;

  /**
   * Whether the module can be invoked from outside flows (for example by AI agents) as well as by flows.
   *
   * @default - not configured (external invocation disabled)
   */
  readonly externalInvocationEnabled?: boolean;

  /**
   * Turn the flow checks' warnings into errors for this flow module: synthesis fails for what Amazon Connect accepts but
   * is probably a mistake (actions not reachable from the start, unhandled errors, dead ends, ...), as it does for
   * what Amazon Connect rejects. See the README's "Flow checks" table.
   *
   * @default - the context key `cdk-connect:strictFlowChecks` (`true` turns it on for the whole app), else warnings
   */
  readonly strictFlowChecks?: boolean;
}

abstract class ContactFlowModuleBase extends Resource implements IContactFlowModule {
  public abstract readonly contactFlowModuleArn: string;
  public abstract readonly contactFlowModuleId: string;
  public abstract readonly instanceArn: string;

  public get contactFlowModuleRef(): connectRefs.ContactFlowModuleReference {
    return { contactFlowModuleArn: this.contactFlowModuleArn };
  }

  public addVersion(id: string, options: ContactFlowModuleVersionOptions = {}): ContactFlowModuleVersion {
    return new ContactFlowModuleVersion(this, id, { ...options, contactFlowModule: this });
  }

  public addAlias(id: string, options: ContactFlowModuleAliasOptions): ContactFlowModuleAlias {
    return new ContactFlowModuleAlias(this, id, { ...options, contactFlowModule: this });
  }
}

/**
 * An Amazon Connect flow module: a reusable section of a flow that inbound flows invoke with the
 * `InvokeFlowModule` action (use `FlowReference.flowModule(...)` in their content).
 *
 * @resource AWS::Connect::ContactFlowModule
 */
export class ContactFlowModule extends ContactFlowModuleBase {
  /**
   * Imports a flow module by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/flow-module/<id>`).
   */
  public static fromContactFlowModuleArn(scope: Construct, id: string, contactFlowModuleArn: string): IContactFlowModule {
    class Import extends ContactFlowModuleBase {
      public readonly contactFlowModuleArn = contactFlowModuleArn;
      public readonly contactFlowModuleId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(contactFlowModuleArn) });
        const parts = parseInstanceResourceArn(this, contactFlowModuleArn, 'flow-module', 'flow module');
        this.contactFlowModuleId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the flow module.
   *
   * @attribute
   */
  public readonly contactFlowModuleArn: string;

  /**
   * The id of the flow module.
   *
   * @attribute
   */
  public get contactFlowModuleId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._contactFlowModuleId ?? (this._contactFlowModuleId = resourceIdOfArn(this, this.contactFlowModuleArn, 'flow-module', 'flow module'));
  }

  private _contactFlowModuleId?: string;

  /**
   * The ARN of the instance the flow module belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the flow module.
   */
  public readonly contactFlowModuleName: string;

  /**
   * The status of the flow module (`PUBLISHED` or `SAVED`), known at deploy time.
   *
   * @attribute Status
   */
  public readonly contactFlowModuleStatus: string;

  /**
   * The module's own strict flow checks setting (`strictFlowChecks`).
   *
   * @internal
   */
  public readonly _strictFlowChecks?: boolean;

  private readonly content: FlowContent;

  constructor(scope: Construct, id: string, props: ContactFlowModuleProps) {
    super(scope, id);
    this._strictFlowChecks = props.strictFlowChecks;

    validateLength(this, 'name', props.contactFlowModuleName, 1, 127);
    validatePattern(this, 'name', props.contactFlowModuleName, /\S/, 'more than white space');
    validateLength(this, 'description', props.description, 1, 500);
    validatePattern(this, 'description', props.description, /\S/, 'more than white space');
    if (props.settings !== undefined && !Token.isUnresolved(props.settings)) {
      try {
        JSON.parse(props.settings);
      } catch (e) {
        fail(this, `settings must be a JSON string, got invalid JSON: ${(e as Error).message}`);
      }
    }

    const content = props.content.bind(this, props.instance);

    const resource = new CfnContactFlowModule(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      name: props.contactFlowModuleName,
      description: props.description,
      state: props.state ?? ContactFlowModuleState.ACTIVE,
      content: content.content,
      settings: props.settings,
      externalInvocationConfiguration: props.externalInvocationEnabled === undefined
        ? undefined
        : { enabled: props.externalInvocationEnabled },
    });
    fixLogicalIdAtSynthesis(resource);
    for (const dependency of content.dependencies ?? []) {
      resource.node.addDependency(dependency);
    }

    this.contactFlowModuleArn = resource.attrContactFlowModuleArn;
    this.instanceArn = props.instance.instanceArn;
    this.contactFlowModuleName = props.contactFlowModuleName;
    this.contactFlowModuleStatus = resource.attrStatus;
    this.content = props.content;
  }

  /**
   * The flow module as a Mermaid flowchart, for review (see `FlowContent.toMermaid()`).
   */
  public toMermaid(): string {
    return this.content.toMermaid();
  }
}

/**
 * A published version of a flow module, defined in this app or imported.
 */
export interface IContactFlowModuleVersion extends IResource, connectRefs.IContactFlowModuleVersionRef {
  /**
   * The ARN of the version (the module's ARN followed by `:<version>`).
   *
   * @attribute
   */
  readonly contactFlowModuleVersionArn: string;

  /**
   * The version number (1, 2, ...), which Amazon Connect assigns when it publishes the version.
   *
   * @attribute Version
   */
  readonly versionNumber: number;

  /**
   * The ARN of the flow module the version belongs to.
   */
  readonly contactFlowModuleArn: string;

  /**
   * The ARN of the instance the flow module belongs to.
   */
  readonly instanceArn: string;
}

/**
 * Options for publishing a version of a flow module with `addVersion`.
 */
export interface ContactFlowModuleVersionOptions {
  /**
   * A description of the version (1 to 500 characters, not only white space). It cannot change: a new
   * description publishes a new version (CloudFormation replaces the version).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Whether to publish a new version whenever the module's content or settings change.
   *
   * A version is a snapshot taken when it is created, and CloudFormation creates it only once: by default a
   * later change of the module updates the module but publishes no new version. With this option the
   * version's logical id includes a hash of the content and settings, so a change makes CloudFormation
   * publish a new version (and move aliases that point to this version object to it) and then delete the old
   * one (keep old versions with `removalPolicy: RemovalPolicy.RETAIN`). Only for modules defined in this app.
   *
   * @default false
   */
  readonly publishOnContentChange?: boolean;

  /**
   * What happens to the version when it is removed from the stack or replaced by a new version.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Properties of a flow module version.
 */
export interface ContactFlowModuleVersionProps extends ContactFlowModuleVersionOptions {
  /**
   * The flow module to publish a version of.
   */
  readonly contactFlowModule: IContactFlowModule;
}

abstract class ContactFlowModuleVersionBase extends Resource implements IContactFlowModuleVersion {
  public abstract readonly contactFlowModuleVersionArn: string;
  public abstract readonly versionNumber: number;
  public abstract readonly contactFlowModuleArn: string;
  public abstract readonly instanceArn: string;

  public get contactFlowModuleVersionRef(): connectRefs.ContactFlowModuleVersionReference {
    return { contactFlowModuleVersionArn: this.contactFlowModuleVersionArn };
  }
}

/** A version number in a version ARN. */
const VERSION_NUMBER = /^[1-9][0-9]*$/;

/** Checks a description that Amazon Connect takes as 1 to 500 characters, not only white space. */
function validateVersionDescription(scope: Construct, description: string | undefined): void {
  validateLength(scope, 'description', description, 1, 500);
  validatePattern(scope, 'description', description, /\S/, 'more than white space');
}

/**
 * A published version of a flow module: an immutable snapshot of the module's content and settings, with a
 * version number. Flows can invoke a version (or an alias that points to one) instead of the module's latest
 * content.
 *
 * Amazon Connect publishes the version when CloudFormation creates it. Its properties cannot change, so a
 * version stays the snapshot it was: when the module changes later, the module is updated but no new version
 * is published, unless the version is replaced (a new description or construct id) or
 * `publishOnContentChange` is set.
 *
 * ```ts
 * declare const module: ContactFlowModule;
 * const v1 = module.addVersion('V1', { description: 'first release' });
 * module.addAlias('Live', { aliasName: 'live', version: v1 });
 * ```
 *
 * @resource AWS::Connect::ContactFlowModuleVersion
 */
export class ContactFlowModuleVersion extends ContactFlowModuleVersionBase {
  /**
   * Imports a flow module version by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/flow-module/<module-id>:<version>`).
   */
  public static fromContactFlowModuleVersionArn(scope: Construct, id: string, contactFlowModuleVersionArn: string): IContactFlowModuleVersion {
    class Import extends ContactFlowModuleVersionBase {
      public readonly contactFlowModuleVersionArn = contactFlowModuleVersionArn;
      public readonly versionNumber: number;
      public readonly contactFlowModuleArn: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(contactFlowModuleVersionArn) });
        const parts = parseQualifiedArn(this, contactFlowModuleVersionArn, 'flow-module', 'flow module version', VERSION_NUMBER, '<version>');
        this.versionNumber = Token.isUnresolved(parts.qualifier) ? Token.asNumber(parts.qualifier) : Number(parts.qualifier);
        this.contactFlowModuleArn = parts.unqualifiedArn;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the version.
   *
   * @attribute ContactFlowModuleVersionARN
   */
  public readonly contactFlowModuleVersionArn: string;

  /**
   * The version number, assigned by Amazon Connect.
   *
   * @attribute Version
   */
  public readonly versionNumber: number;

  /**
   * The SHA-256 checksum of the module content the version holds.
   *
   * @attribute FlowModuleContentSha256
   */
  public readonly contentSha256: string;

  /**
   * The ARN of the flow module the version belongs to.
   */
  public readonly contactFlowModuleArn: string;

  /**
   * The ARN of the instance the flow module belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The flow module the version belongs to.
   */
  public readonly contactFlowModule: IContactFlowModule;

  constructor(scope: Construct, id: string, props: ContactFlowModuleVersionProps) {
    super(scope, id);

    validateVersionDescription(this, props.description);
    const module = props.contactFlowModule;

    const resource = new CfnContactFlowModuleVersion(this, 'Resource', {
      contactFlowModuleId: module.contactFlowModuleArn,
      description: props.description,
    });
    fixLogicalIdAtSynthesis(resource);
    resource.applyRemovalPolicy(props.removalPolicy ?? RemovalPolicy.DESTROY);

    if (props.publishOnContentChange) {
      const source = module.node.defaultChild;
      if (!(source instanceof CfnContactFlowModule)) {
        fail(this, `publishOnContentChange needs a flow module defined in this app, whose content is known; '${module.node.path}' is imported`);
      }
      replaceOnChange(resource, () => [source.content, source.settings]);
    }

    this.contactFlowModuleVersionArn = resource.attrContactFlowModuleVersionArn;
    this.versionNumber = resource.attrVersion;
    this.contentSha256 = resource.attrFlowModuleContentSha256;
    this.contactFlowModuleArn = module.contactFlowModuleArn;
    this.instanceArn = module.instanceArn;
    this.contactFlowModule = module;
  }
}

/**
 * A named alias of a flow module version, defined in this app or imported.
 */
export interface IContactFlowModuleAlias extends IResource, connectRefs.IContactFlowModuleAliasRef {
  /**
   * The ARN of the alias (the module's ARN followed by `:<alias-id>`).
   *
   * @attribute
   */
  readonly contactFlowModuleAliasArn: string;

  /**
   * The id of the alias.
   *
   * @attribute
   */
  readonly aliasId: string;

  /**
   * The ARN of the flow module the alias belongs to.
   */
  readonly contactFlowModuleArn: string;

  /**
   * The ARN of the instance the flow module belongs to.
   */
  readonly instanceArn: string;
}

/**
 * Options for an alias added with `addAlias`.
 */
export interface ContactFlowModuleAliasOptions {
  /**
   * The name of the alias (1 to 100 characters: letters, digits and `$`, each optionally followed by one `_`
   * or `-`), unique within the flow module.
   */
  readonly aliasName: string;

  /**
   * The version the alias points to. It must be a version of the same flow module. Pointing the alias to
   * another version updates it in place.
   */
  readonly version: IContactFlowModuleVersion;

  /**
   * A description of the alias (1 to 500 characters, not only white space).
   *
   * @default - no description
   */
  readonly description?: string;
}

/**
 * Properties of a flow module alias.
 */
export interface ContactFlowModuleAliasProps extends ContactFlowModuleAliasOptions {
  /**
   * The flow module the alias belongs to.
   */
  readonly contactFlowModule: IContactFlowModule;
}

abstract class ContactFlowModuleAliasBase extends Resource implements IContactFlowModuleAlias {
  public abstract readonly contactFlowModuleAliasArn: string;
  public abstract readonly aliasId: string;
  public abstract readonly contactFlowModuleArn: string;
  public abstract readonly instanceArn: string;

  public get contactFlowModuleAliasRef(): connectRefs.ContactFlowModuleAliasReference {
    return { contactFlowModuleAliasArn: this.contactFlowModuleAliasArn };
  }
}

/** An alias id in an alias ARN. */
const ALIAS_ID = /^[-a-zA-Z0-9]+$/;

/** Amazon Connect's alias names: letters, digits and `$`, each optionally followed by one `_` or `-`. */
const ALIAS_NAME = /^([$0-9a-zA-Z][_-]?)+$/;

/** The alias names of each flow module in this app, to reject duplicates. */
const ALIAS_NAMES = new WeakMap<IContactFlowModule, Map<string, string>>();

/**
 * A named alias that points to a version of a flow module, such as `live` or `beta`. Flows that invoke the
 * alias run the version it points to; moving the alias to another version (a change of `version`) updates
 * the alias in place, without touching the flows.
 *
 * @resource AWS::Connect::ContactFlowModuleAlias
 */
export class ContactFlowModuleAlias extends ContactFlowModuleAliasBase {
  /**
   * Imports a flow module alias by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/flow-module/<module-id>:<alias-id>`).
   */
  public static fromContactFlowModuleAliasArn(scope: Construct, id: string, contactFlowModuleAliasArn: string): IContactFlowModuleAlias {
    class Import extends ContactFlowModuleAliasBase {
      public readonly contactFlowModuleAliasArn = contactFlowModuleAliasArn;
      public readonly aliasId: string;
      public readonly contactFlowModuleArn: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(contactFlowModuleAliasArn) });
        const parts = parseQualifiedArn(this, contactFlowModuleAliasArn, 'flow-module', 'flow module alias', ALIAS_ID, '<alias-id>');
        this.aliasId = parts.qualifier;
        this.contactFlowModuleArn = parts.unqualifiedArn;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the alias.
   *
   * @attribute ContactFlowModuleAliasARN
   */
  public readonly contactFlowModuleAliasArn: string;

  /**
   * The id of the alias.
   *
   * @attribute
   */
  public readonly aliasId: string;

  /**
   * The name of the alias.
   */
  public readonly aliasName: string;

  /**
   * The ARN of the flow module the alias belongs to.
   */
  public readonly contactFlowModuleArn: string;

  /**
   * The ARN of the instance the flow module belongs to.
   */
  public readonly instanceArn: string;

  constructor(scope: Construct, id: string, props: ContactFlowModuleAliasProps) {
    super(scope, id);

    const module = props.contactFlowModule;
    validateLength(this, 'alias name', props.aliasName, 1, 100);
    validatePattern(this, 'alias name', props.aliasName, ALIAS_NAME,
      'letters, digits and $, each optionally followed by one _ or - (for example live or prod-v2)');
    validateVersionDescription(this, props.description);
    this.checkVersionOfModule(module, props.version);

    if (!Token.isUnresolved(props.aliasName)) {
      const names = ALIAS_NAMES.get(module) ?? new Map<string, string>();
      ALIAS_NAMES.set(module, names);
      const existing = names.get(props.aliasName);
      if (existing !== undefined) {
        fail(this, `alias name '${props.aliasName}' is already used by alias '${existing}' of the same flow module`);
      }
      names.set(props.aliasName, this.node.path);
    }

    const resource = new CfnContactFlowModuleAlias(this, 'Resource', {
      contactFlowModuleId: module.contactFlowModuleArn,
      contactFlowModuleVersion: props.version.versionNumber,
      name: props.aliasName,
      description: props.description,
    });
    fixLogicalIdAtSynthesis(resource);

    this.contactFlowModuleAliasArn = resource.attrContactFlowModuleAliasArn;
    this.aliasId = resource.attrAliasId;
    this.aliasName = props.aliasName;
    this.contactFlowModuleArn = module.contactFlowModuleArn;
    this.instanceArn = module.instanceArn;
  }

  /** Fails when the version certainly belongs to another flow module. */
  private checkVersionOfModule(module: IContactFlowModule, version: IContactFlowModuleVersion): void {
    if (version instanceof ContactFlowModuleVersion && version.contactFlowModule !== module
      && version.contactFlowModule instanceof ContactFlowModule && module instanceof ContactFlowModule) {
      fail(this, `version must be a version of flow module '${module.node.path}', got a version of '${version.contactFlowModule.node.path}'`);
    }
    const stack = Stack.of(this);
    const expected = stack.resolve(module.contactFlowModuleArn);
    const actual = stack.resolve(version.contactFlowModuleArn);
    if (typeof expected === 'string' && typeof actual === 'string' && expected !== actual) {
      fail(this, `version must be a version of flow module ${expected}, got a version of ${actual}`);
    }
  }
}
