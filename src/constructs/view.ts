import * as fs from 'fs';
import { Fn, IResource, Names, Resource, Token } from 'aws-cdk-lib';
import { CfnView, CfnViewVersion } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct } from 'constructs';
import { IInstance } from './instance';
import { importEnvironmentArn, parseInstanceResourceArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { fail, validateCount, validateLength, validatePattern, validateUnique } from '../private/validation';

/**
 * An Amazon Connect view, defined in this app or imported.
 */
export interface IView extends IResource, connectRefs.IViewRef {
  /**
   * The ARN of the view (unqualified: without a version or alias).
   *
   * @attribute
   */
  readonly viewArn: string;

  /**
   * The id of the view.
   *
   * @attribute
   */
  readonly viewId: string;

  /**
   * The ARN of the instance the view belongs to.
   */
  readonly instanceArn: string;

  /**
   * Publishes a version of the view: an immutable snapshot of its content that pages and flows can refer to.
   *
   * @param id the construct id of the version
   * @param options the version's description
   */
  addVersion(id: string, options?: ViewVersionOptions): ViewVersion;
}

/**
 * An immutable, numbered version of an Amazon Connect view, defined in this app or imported.
 */
export interface IViewVersion extends IResource, connectRefs.IViewVersionRef {
  /**
   * The ARN of the version: the view's ARN qualified with the version number (`...:view/<id>:<version>`).
   *
   * @attribute
   */
  readonly viewVersionArn: string;

  /**
   * The ARN of the instance the view belongs to.
   */
  readonly instanceArn: string;
}

abstract class ViewBase extends Resource implements IView {
  public abstract readonly viewArn: string;
  public abstract readonly viewId: string;
  public abstract readonly instanceArn: string;

  public get viewRef(): connectRefs.ViewReference {
    return { viewArn: this.viewArn };
  }

  public addVersion(id: string, options: ViewVersionOptions = {}): ViewVersion {
    return new ViewVersion(this, id, { ...options, view: this });
  }
}

/** Names and actions of views (CloudFormation schema). */
const VIEW_NAME = /^[\p{L}\p{N}_.:/=+\-@]+[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const VIEW_NAME_ALLOWED = 'letters, digits, spaces and _ . : / = + - @ (not starting with a space)';

/** Descriptions of views and view versions (CloudFormation schema): names' characters and commas. */
const VIEW_DESCRIPTION = /^[\p{L}\p{N}_.:/=+\-@,]+[\p{L}\p{Z}\p{N}_.:/=+\-@,]*$/u;
const VIEW_DESCRIPTION_ALLOWED = 'letters, digits, spaces and _ . : / = + - @ , (not starting with a space)';

/** The most content (template and actions) that Amazon Connect takes for a view, uncompressed. */
const MAX_CONTENT_BYTES = 400 * 1024;

/** The ARN of a view that AWS manages: no instance, `aws` as the account. */
const MANAGED_VIEW_ARN = /^arn:aws[a-z-]*:connect:[a-z0-9-]+:aws:view\/([-a-zA-Z0-9_:$/]+)$/;

/** The most actions a view has (CloudFormation schema). */
const MAX_ACTIONS = 1000;

/**
 * The template of a view: the JSON document that describes its components (`Head`, `Body`, ...).
 */
export class ViewTemplate {
  /**
   * A template from a JSON object.
   *
   * @param template the template, such as `{ Head: {...}, Body: {...} }`
   */
  public static fromObject(template: any): ViewTemplate {
    return new ViewTemplate(template, undefined);
  }

  /**
   * A template from a JSON string, which must hold a JSON object (a token is passed on unchecked).
   */
  public static fromJsonString(json: string): ViewTemplate {
    return new ViewTemplate(undefined, json);
  }

  /**
   * A template from a JSON file, read at synth time.
   *
   * @param path the path of the file
   */
  public static fromFile(path: string): ViewTemplate {
    return new ViewTemplate(undefined, fs.readFileSync(path, 'utf-8'), path);
  }

  private readonly object: any;
  private readonly json?: string;
  private readonly source?: string;

  private constructor(object: any, json: string | undefined, source?: string) {
    this.object = object;
    this.json = json;
    this.source = source;
  }

  /**
   * The template for CloudFormation: a JSON object, or a token string as it is.
   *
   * @internal
   */
  public _render(scope: IConstruct): any {
    const what = this.source ? `template file ${this.source}` : 'template';
    let template = this.object;
    if (this.json !== undefined) {
      if (Token.isUnresolved(this.json)) {
        return this.json;
      }
      try {
        template = JSON.parse(this.json);
      } catch (e) {
        fail(scope, `${what} must be valid JSON, got a parse error: ${(e as Error).message}`);
      }
    }
    if (template === null || typeof template !== 'object' || Array.isArray(template)) {
      fail(scope, `${what} must be a JSON object, got ${template === null ? 'null' : Array.isArray(template) ? 'an array' : typeof template}`);
    }
    return template;
  }
}

/**
 * Properties of a `View`.
 */
export interface ViewProps {
  /**
   * The instance the view belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the view (1 to 255 characters: letters, digits, spaces and `_ . : / = + - @`, not starting
   * with a space), unique within the instance.
   *
   * @default - a name generated from the construct path
   */
  readonly viewName?: string;

  /**
   * A description of the view (1 to 4096 characters: letters, digits, spaces and `_ . : / = + - @ ,`, not
   * starting with a space).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * The template of the view: its components. Together with the actions it may have at most 400 KB.
   */
  readonly template: ViewTemplate;

  /**
   * The actions the view can return to the flow that shows it (such as `Submit` or `Cancel`): at most 1000
   * unique actions of 1 to 255 characters (letters, digits, spaces and `_ . : / = + - @`, not starting with
   * a space).
   *
   * @default - no actions
   */
  readonly actions?: string[];
}

/**
 * An Amazon Connect view: a customer-managed user interface (a form, a detail page, ...) that flows show to
 * agents in the agent workspace and that workspaces put on their pages.
 *
 * CloudFormation publishes the view's content; `addVersion()` makes a numbered, immutable version of it.
 *
 * ```ts
 * const form = new View(this, 'Form', {
 *   instance,
 *   viewName: 'Callback form',
 *   template: ViewTemplate.fromFile('views/callback.json'),
 *   actions: ['Submit', 'Cancel'],
 * });
 * form.addVersion('V1', { description: 'First release' });
 * ```
 *
 * @resource AWS::Connect::View
 */
export class View extends ViewBase {
  /**
   * Imports a customer-managed view by its unqualified ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/view/<id>`).
   *
   * For a view that AWS manages (`arn:aws:connect:<region>:aws:view/<id>`), use `fromManagedViewArn`.
   */
  public static fromViewArn(scope: Construct, id: string, viewArn: string): IView {
    class Import extends ViewBase {
      public readonly viewArn = viewArn;
      public readonly viewId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(viewArn) });
        if (!Token.isUnresolved(viewArn) && MANAGED_VIEW_ARN.test(viewArn)) {
          fail(this, `view ARN '${viewArn}' is the ARN of an AWS managed view, which belongs to no instance; `
            + 'import it with View.fromManagedViewArn and the instance that uses it');
        }
        const parts = parseInstanceResourceArn(this, viewArn, 'view', 'view');
        if (!Token.isUnresolved(viewArn) && parts.resourceId.includes(':')) {
          fail(this, 'view ARN must be unqualified (arn:aws:connect:<region>:<account>:instance/<instance-id>/view/<id>, '
            + `without :<version> or :$LATEST), got '${viewArn}'`);
        }
        this.viewId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * Imports a view that AWS manages (`arn:aws:connect:<region>:aws:view/<id>`), for use in the given instance.
   *
   * AWS managed views belong to no instance, so the instance that uses the view (a workspace's, for example)
   * gives the imported view's `instanceArn`. The view takes the instance's account and region. AWS managed views
   * cannot be versioned: `addVersion()` fails.
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param viewArn the unqualified ARN of the AWS managed view
   * @param instance the instance that uses the view
   */
  public static fromManagedViewArn(scope: Construct, id: string, viewArn: string, instance: IInstance): IView {
    class Import extends ViewBase {
      public readonly viewArn = viewArn;
      public readonly viewId: string;
      public readonly instanceArn = instance.instanceArn;

      constructor() {
        super(scope, id, { account: instance.env.account, region: instance.env.region });
        if (Token.isUnresolved(viewArn)) {
          this.viewId = Fn.select(1, Fn.split(':view/', viewArn));
          return;
        }
        const match = MANAGED_VIEW_ARN.exec(viewArn);
        if (!match) {
          fail(this, `AWS managed view ARN must look like arn:aws:connect:<region>:aws:view/<id>, got '${viewArn}'`);
        }
        if (match[1].includes(':')) {
          fail(this, 'AWS managed view ARN must be unqualified (arn:aws:connect:<region>:aws:view/<id>, without '
            + `:<version> or :$LATEST), got '${viewArn}'`);
        }
        this.viewId = match[1];
      }

      public addVersion(_id: string, _options?: ViewVersionOptions): ViewVersion {
        return fail(this, `cannot add a version to the AWS managed view '${viewArn}'; only customer-managed views have versions`);
      }
    }
    return new Import();
  }

  /**
   * The ARN of the view (unqualified: without a version or alias).
   *
   * @attribute
   */
  public readonly viewArn: string;

  /**
   * The id of the view.
   *
   * @attribute
   */
  public readonly viewId: string;

  /**
   * The ARN of the instance the view belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The SHA-256 checksum of the view's latest published content.
   *
   * @attribute
   */
  public readonly viewContentSha256: string;

  /**
   * The name of the view.
   */
  public readonly viewName: string;

  constructor(scope: Construct, id: string, props: ViewProps) {
    super(scope, id);

    const name = props.viewName ?? Names.uniqueResourceName(this, { maxLength: 255 });
    validateLength(this, 'view name', name, 1, 255);
    validatePattern(this, 'view name', name, VIEW_NAME, VIEW_NAME_ALLOWED);
    validateViewDescription(this, 'description', props.description);

    const actions = props.actions ?? [];
    validateCount(this, 'actions', actions, 0, MAX_ACTIONS);
    for (const action of actions) {
      validateLength(this, 'action', action, 1, 255);
      validatePattern(this, 'action', action, VIEW_NAME, VIEW_NAME_ALLOWED);
    }
    validateUnique(this, 'actions', actions);

    const template = props.template._render(this);
    const content = JSON.stringify({ template, actions });
    if (!Token.isUnresolved(content) && Buffer.byteLength(content, 'utf-8') > MAX_CONTENT_BYTES) {
      fail(this, `template and actions must be at most 400 KB in all, got ${Math.ceil(Buffer.byteLength(content, 'utf-8') / 1024)} KB`);
    }

    const resource = new CfnView(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      name,
      description: props.description,
      template,
      actions,
    });
    fixLogicalIdAtSynthesis(resource);

    this.viewArn = resource.attrViewArn;
    this.viewId = resource.attrViewId;
    this.viewContentSha256 = resource.attrViewContentSha256;
    this.instanceArn = props.instance.instanceArn;
    this.viewName = name;
  }
}

/**
 * Options of a view version.
 */
export interface ViewVersionOptions {
  /**
   * A description of the version (1 to 4096 characters: letters, digits, spaces and `_ . : / = + - @ ,`,
   * not starting with a space).
   *
   * @default - no description
   */
  readonly description?: string;
}

/**
 * Properties of a `ViewVersion`.
 */
export interface ViewVersionProps extends ViewVersionOptions {
  /**
   * The view to publish a version of.
   */
  readonly view: IView;
}

/**
 * A numbered, immutable version of a view.
 *
 * For a view defined in this app, the version is tied to the view's current content: when the content
 * changes, CloudFormation replaces the version with one of the new content (and deletes the old version).
 *
 * @resource AWS::Connect::ViewVersion
 */
export class ViewVersion extends Resource implements IViewVersion {
  /**
   * Imports a view version by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/view/<id>:<version>`).
   */
  public static fromViewVersionArn(scope: Construct, id: string, viewVersionArn: string): IViewVersion {
    class Import extends Resource implements IViewVersion {
      public readonly viewVersionArn = viewVersionArn;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(viewVersionArn) });
        const parts = parseInstanceResourceArn(this, viewVersionArn, 'view', 'view version');
        if (!Token.isUnresolved(viewVersionArn) && !/^[^:]+:\d+$/.test(parts.resourceId)) {
          fail(this, `view version ARN must end with the version number (.../view/<id>:<version>), got '${viewVersionArn}'`);
        }
        this.instanceArn = parts.instanceArn;
      }

      public get viewVersionRef(): connectRefs.ViewVersionReference {
        return { viewVersionArn: this.viewVersionArn };
      }
    }
    return new Import();
  }

  /**
   * The ARN of the version (`...:view/<id>:<version>`).
   *
   * @attribute
   */
  public readonly viewVersionArn: string;

  /**
   * The version number.
   *
   * @attribute
   */
  public readonly version: number;

  /**
   * The ARN of the view (unqualified).
   */
  public readonly viewArn: string;

  /**
   * The ARN of the instance the view belongs to.
   */
  public readonly instanceArn: string;

  constructor(scope: Construct, id: string, props: ViewVersionProps) {
    super(scope, id);

    validateViewDescription(this, 'description', props.description);

    const resource = new CfnViewVersion(this, 'Resource', {
      viewArn: props.view.viewArn,
      versionDescription: props.description,
      viewContentSha256: props.view instanceof View ? props.view.viewContentSha256 : undefined,
    });
    fixLogicalIdAtSynthesis(resource);

    this.viewVersionArn = resource.attrViewVersionArn;
    this.version = resource.attrVersion;
    this.viewArn = props.view.viewArn;
    this.instanceArn = props.view.instanceArn;
  }

  public get viewVersionRef(): connectRefs.ViewVersionReference {
    return { viewVersionArn: this.viewVersionArn };
  }
}

function validateViewDescription(scope: IConstruct, what: string, value: string | undefined): void {
  validateLength(scope, what, value, 1, 4096);
  validatePattern(scope, what, value, VIEW_DESCRIPTION, VIEW_DESCRIPTION_ALLOWED);
}
