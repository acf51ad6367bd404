import { IResource, Lazy, Names, Resource, Token } from 'aws-cdk-lib';
import { CfnWorkspace } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct } from 'constructs';
import { IInstance } from './instance';
import { IRoutingProfile } from './routing-profile';
import { IUser } from './user';
import { IView } from './view';
import { importEnvironmentArn, parseInstanceResourceArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { validateSameInstance } from '../private/references';
import { fail, validateLength, validatePattern } from '../private/validation';

/**
 * An Amazon Connect workspace, defined in this app or imported.
 */
export interface IWorkspace extends IResource, connectRefs.IWorkspaceRef {
  /**
   * The ARN of the workspace.
   *
   * @attribute
   */
  readonly workspaceArn: string;

  /**
   * The id of the workspace.
   *
   * @attribute
   */
  readonly workspaceId: string;

  /**
   * The ARN of the instance the workspace belongs to.
   */
  readonly instanceArn: string;
}

abstract class WorkspaceBase extends Resource implements IWorkspace {
  public abstract readonly workspaceArn: string;
  public abstract readonly workspaceId: string;
  public abstract readonly instanceArn: string;

  public get workspaceRef(): connectRefs.WorkspaceReference {
    return { workspaceArn: this.workspaceArn };
  }
}

/**
 * Who can use a workspace.
 */
export enum WorkspaceVisibility {
  /** Every user of the instance. */
  ALL = 'ALL',
  /** Only the users and routing profiles associated with the workspace. */
  ASSIGNED = 'ASSIGNED',
  /** Nobody. */
  NONE = 'NONE',
}

/**
 * A font family for a workspace theme.
 */
export enum WorkspaceFontFamily {
  /** Arial. */
  ARIAL = 'ARIAL',
  /** Courier New. */
  COURIER_NEW = 'COURIER_NEW',
  /** Georgia. */
  GEORGIA = 'GEORGIA',
  /** Times New Roman. */
  TIMES_NEW_ROMAN = 'TIMES_NEW_ROMAN',
  /** Trebuchet. */
  TREBUCHET = 'TREBUCHET',
  /** Verdana. */
  VERDANA = 'VERDANA',
}

/**
 * The kind of a media item (a logo) of a workspace.
 */
export enum WorkspaceMediaType {
  /** The favicon in light mode. */
  IMAGE_LOGO_LIGHT_FAVICON = 'IMAGE_LOGO_LIGHT_FAVICON',
  /** The favicon in dark mode. */
  IMAGE_LOGO_DARK_FAVICON = 'IMAGE_LOGO_DARK_FAVICON',
  /** The horizontal logo in light mode. */
  IMAGE_LOGO_LIGHT_HORIZONTAL = 'IMAGE_LOGO_LIGHT_HORIZONTAL',
  /** The horizontal logo in dark mode. */
  IMAGE_LOGO_DARK_HORIZONTAL = 'IMAGE_LOGO_DARK_HORIZONTAL',
}

/**
 * Colors of the header of a workspace. Colors are CSS color values such as `#0f1b2a`, 1 to 127 characters.
 */
export interface WorkspaceHeaderPalette {
  /**
   * The background color.
   *
   * @default - Amazon Connect's default
   */
  readonly background?: string;

  /**
   * The text color.
   *
   * @default - Amazon Connect's default
   */
  readonly text?: string;

  /**
   * The text color under the pointer.
   *
   * @default - Amazon Connect's default
   */
  readonly textHover?: string;

  /**
   * Whether the colors of action buttons are inverted.
   *
   * @default - Amazon Connect's default
   */
  readonly invertActionsColors?: boolean;
}

/**
 * Colors of the navigation of a workspace (CSS color values, 1 to 127 characters).
 */
export interface WorkspaceNavigationPalette {
  /**
   * The background color.
   *
   * @default - Amazon Connect's default
   */
  readonly background?: string;

  /**
   * The text color.
   *
   * @default - Amazon Connect's default
   */
  readonly text?: string;

  /**
   * The text color under the pointer.
   *
   * @default - Amazon Connect's default
   */
  readonly textHover?: string;

  /**
   * The text color of the active item.
   *
   * @default - Amazon Connect's default
   */
  readonly textActive?: string;

  /**
   * The background color of text under the pointer.
   *
   * @default - Amazon Connect's default
   */
  readonly textBackgroundHover?: string;

  /**
   * The background color of the active item.
   *
   * @default - Amazon Connect's default
   */
  readonly textBackgroundActive?: string;

  /**
   * Whether the colors of action buttons are inverted.
   *
   * @default - Amazon Connect's default
   */
  readonly invertActionsColors?: boolean;
}

/**
 * Colors of the canvas of a workspace (CSS color values, 1 to 127 characters).
 */
export interface WorkspaceCanvasPalette {
  /**
   * The background color of containers.
   *
   * @default - Amazon Connect's default
   */
  readonly containerBackground?: string;

  /**
   * The background color of pages.
   *
   * @default - Amazon Connect's default
   */
  readonly pageBackground?: string;

  /**
   * The background color of active elements.
   *
   * @default - Amazon Connect's default
   */
  readonly activeBackground?: string;
}

/**
 * The primary colors of a workspace (CSS color values, 1 to 127 characters).
 */
export interface WorkspacePrimaryPalette {
  /**
   * The primary color.
   *
   * @default - Amazon Connect's default
   */
  readonly color?: string;

  /**
   * The primary color of active elements.
   *
   * @default - Amazon Connect's default
   */
  readonly active?: string;

  /**
   * The text color on the primary color.
   *
   * @default - Amazon Connect's default
   */
  readonly contrastText?: string;
}

/**
 * The colors of a workspace theme.
 */
export interface WorkspacePalette {
  /**
   * The header's colors.
   *
   * @default - Amazon Connect's defaults
   */
  readonly header?: WorkspaceHeaderPalette;

  /**
   * The navigation's colors.
   *
   * @default - Amazon Connect's defaults
   */
  readonly navigation?: WorkspaceNavigationPalette;

  /**
   * The canvas's colors.
   *
   * @default - Amazon Connect's defaults
   */
  readonly canvas?: WorkspaceCanvasPalette;

  /**
   * The primary colors.
   *
   * @default - Amazon Connect's defaults
   */
  readonly primary?: WorkspacePrimaryPalette;
}

/**
 * The look of a workspace in one mode (light or dark).
 */
export interface WorkspaceThemeConfig {
  /**
   * The colors.
   *
   * @default - Amazon Connect's defaults
   */
  readonly palette?: WorkspacePalette;

  /**
   * The font family of text.
   *
   * @default - Amazon Connect's default
   */
  readonly fontFamily?: WorkspaceFontFamily;
}

/**
 * The theme of a workspace, for light and dark mode.
 */
export interface WorkspaceTheme {
  /**
   * The look in light mode.
   *
   * @default - Amazon Connect's default
   */
  readonly light?: WorkspaceThemeConfig;

  /**
   * The look in dark mode.
   *
   * @default - Amazon Connect's default
   */
  readonly dark?: WorkspaceThemeConfig;
}

/**
 * A media item (a logo) of a workspace.
 */
export interface WorkspaceMediaItem {
  /**
   * Which logo this is; each type at most once per workspace.
   */
  readonly type: WorkspaceMediaType;

  /**
   * The image: an Amazon S3 presigned URL or the base64-encoded image (1 to 533,333 characters).
   * CloudFormation does not return it (it is write-only).
   */
  readonly source: string;
}

/**
 * The identifier of a workspace page: a system page or a custom one.
 */
export class WorkspacePageName {
  /** The home page. */
  public static readonly HOME = new WorkspacePageName('HOME');

  /** The page where agents handle contacts. */
  public static readonly AGENT_EXPERIENCE = new WorkspacePageName('AGENT_EXPERIENCE');

  /**
   * A custom page: 1 to 25 characters (letters, digits, spaces and `- _ . : = @ ' |`, not `.` or `..`),
   * not starting with `aws:` or `connect:`.
   *
   * @param name the page identifier
   */
  public static custom(name: string): WorkspacePageName {
    return new WorkspacePageName(name);
  }

  /** The page identifier as Amazon Connect names it. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/**
 * A page of a workspace: the view it shows.
 */
export interface WorkspacePage {
  /**
   * The page.
   */
  readonly page: WorkspacePageName;

  /**
   * The view the page shows, of the workspace's instance.
   */
  readonly view: IView;

  /**
   * The page's part of the URL: empty, or 3 to 63 characters (letters, digits, spaces and `- _ . : = @ ' |`).
   *
   * @default - Amazon Connect derives it
   */
  readonly slug?: string;

  /**
   * Input for the view when the page is shown, as a JSON string of at most 4096 characters, checked against
   * the view's input schema by Amazon Connect.
   *
   * @default - no input
   */
  readonly inputData?: string;
}

/**
 * Properties of a `Workspace`.
 */
export interface WorkspaceProps {
  /**
   * The instance the workspace belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the workspace (1 to 127 characters, not only spaces), unique within the instance.
   *
   * @default - a name generated from the construct path
   */
  readonly workspaceName?: string;

  /**
   * A description of the workspace (1 to 500 characters, no control characters other than line breaks and tabs).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * The title shown in the workspace (1 to 127 characters, no control characters).
   *
   * @default - no title
   */
  readonly title?: string;

  /**
   * Who can use the workspace.
   *
   * @default - Amazon Connect's default
   */
  readonly visibility?: WorkspaceVisibility;

  /**
   * The colors and font, for light and dark mode.
   *
   * @default - Amazon Connect's default theme
   */
  readonly theme?: WorkspaceTheme;

  /**
   * The logos, at most one per media type (so at most 4).
   *
   * @default - no logos
   */
  readonly media?: WorkspaceMediaItem[];

  /**
   * The pages and the views they show. More can be added with `addPage()`.
   *
   * @default - no pages
   */
  readonly pages?: WorkspacePage[];

  /**
   * Users the workspace is assigned to. More can be added with `addUser()`.
   *
   * @default - none
   */
  readonly users?: IUser[];

  /**
   * Routing profiles whose users the workspace is assigned to. More can be added with `addRoutingProfile()`.
   *
   * @default - none
   */
  readonly routingProfiles?: IRoutingProfile[];
}

/** Theme strings: 1 to 127 characters, not only whitespace (CloudFormation schema). */
const NOT_BLANK = /\S/;
/** No control characters, other than line breaks and tabs (descriptions). */
const DESCRIPTION_TEXT = /^[\P{C}\r\n\t]*$/u;
/** No control characters at all (titles). */
const TITLE_TEXT = /^\P{C}*$/u;
const PAGE = /^(?!\.$)(?!\.\.$)[\p{L}\p{Z}\p{N}\-_.:=@'|]+$/u;
const SLUG = /^$|^[\p{L}\p{Z}\p{N}\-_.:=@'|]{3,}$/u;
const PAGE_CHARS = "letters, digits, spaces and - _ . : = @ ' |";

/**
 * An Amazon Connect workspace: the agent workspace's look (theme, logos, title) and pages, each showing a
 * view, assigned to users and routing profiles.
 *
 * ```ts
 * new Workspace(this, 'Support', {
 *   instance,
 *   workspaceName: 'Support',
 *   visibility: WorkspaceVisibility.ASSIGNED,
 *   theme: { light: { palette: { primary: { color: '#0f62fe' } }, fontFamily: WorkspaceFontFamily.ARIAL } },
 *   pages: [{ page: WorkspacePageName.HOME, view: homeView }],
 *   routingProfiles: [supportProfile],
 * });
 * ```
 *
 * @resource AWS::Connect::Workspace
 */
export class Workspace extends WorkspaceBase {
  /**
   * Imports a workspace by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/workspace/<id>`).
   */
  public static fromWorkspaceArn(scope: Construct, id: string, workspaceArn: string): IWorkspace {
    class Import extends WorkspaceBase {
      public readonly workspaceArn = workspaceArn;
      public readonly workspaceId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(workspaceArn) });
        const parts = parseInstanceResourceArn(this, workspaceArn, 'workspace', 'workspace');
        this.workspaceId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the workspace.
   *
   * @attribute
   */
  public readonly workspaceArn: string;

  /**
   * The id of the workspace.
   *
   * @attribute
   */
  public readonly workspaceId: string;

  /**
   * The ARN of the instance the workspace belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the workspace.
   */
  public readonly workspaceName: string;

  private readonly pages: WorkspacePage[] = [];
  private readonly users: IUser[] = [];
  private readonly routingProfiles: IRoutingProfile[] = [];

  constructor(scope: Construct, id: string, props: WorkspaceProps) {
    super(scope, id);

    const name = props.workspaceName ?? Names.uniqueResourceName(this, { maxLength: 127 });
    validateLength(this, 'workspace name', name, 1, 127);
    validatePattern(this, 'workspace name', name, NOT_BLANK, 'more than spaces');
    validateLength(this, 'description', props.description, 1, 500);
    validatePattern(this, 'description', props.description, DESCRIPTION_TEXT, 'free of control characters other than line breaks and tabs');
    validateLength(this, 'title', props.title, 1, 127);
    validatePattern(this, 'title', props.title, TITLE_TEXT, 'free of control characters');
    this.instanceArn = props.instance.instanceArn;

    const media = props.media ?? [];
    const mediaTypes = new Set<string>();
    for (const item of media) {
      if (mediaTypes.has(item.type)) {
        fail(this, `media types must be unique, ${item.type} appears more than once`);
      }
      mediaTypes.add(item.type);
      validateLength(this, `media ${item.type} source`, item.source, 1, 533_333);
      validatePattern(this, `media ${item.type} source`, item.source, NOT_BLANK, 'more than spaces');
    }

    for (const page of props.pages ?? []) {
      this.addPage(page);
    }
    for (const user of props.users ?? []) {
      this.addUser(user);
    }
    for (const routingProfile of props.routingProfiles ?? []) {
      this.addRoutingProfile(routingProfile);
    }

    const resource = new CfnWorkspace(this, 'Resource', {
      instanceArn: this.instanceArn,
      name,
      description: props.description,
      title: props.title,
      visibility: props.visibility,
      theme: props.theme ? renderTheme(this, props.theme) : undefined,
      media: media.length > 0 ? media.map(item => ({ type: item.type, source: item.source })) : undefined,
      pages: Lazy.any({
        produce: () => this.pages.map(page => ({
          page: page.page.value,
          resourceArn: page.view.viewArn,
          slug: page.slug,
          inputData: page.inputData,
        })),
      }, { omitEmptyArray: true }),
      associations: Lazy.list({
        produce: () => [...this.users.map(u => u.userArn), ...this.routingProfiles.map(r => r.routingProfileArn)],
      }, { omitEmpty: true }),
    });
    fixLogicalIdAtSynthesis(resource);

    this.workspaceArn = resource.attrArn;
    this.workspaceId = resource.attrId;
    this.workspaceName = name;
  }

  /**
   * Adds a page that shows a view.
   *
   * @param page a page not yet in the workspace, with a view of the same instance
   */
  public addPage(page: WorkspacePage): void {
    const pageName = page.page.value;
    validateLength(this, 'page', pageName, 1, 25);
    validatePattern(this, 'page', pageName, PAGE, `${PAGE_CHARS}, not . or ..`);
    if (!Token.isUnresolved(pageName) && /^(aws|connect):/i.test(pageName)) {
      fail(this, `page must not start with aws: or connect:, got '${pageName}'`);
    }
    if (!Token.isUnresolved(pageName) && this.pages.some(p => p.page.value === pageName)) {
      fail(this, `pages must be unique, '${pageName}' is added more than once`);
    }
    validateSameInstance(this, `view of page '${pageName}'`, this.instanceArn, page.view.instanceArn);
    validateLength(this, `slug of page '${pageName}'`, page.slug, 0, 63);
    validatePattern(this, `slug of page '${pageName}'`, page.slug, SLUG, `empty or 3 or more of ${PAGE_CHARS}`);
    if (page.slug && !Token.isUnresolved(page.slug) && this.pages.some(p => p.slug === page.slug)) {
      fail(this, `page slugs must be unique, '${page.slug}' is used more than once`);
    }
    validateLength(this, `inputData of page '${pageName}'`, page.inputData, 0, 4096);
    if (page.inputData !== undefined && !Token.isUnresolved(page.inputData)) {
      try {
        JSON.parse(page.inputData);
      } catch (e) {
        fail(this, `inputData of page '${pageName}' must be valid JSON, got a parse error: ${(e as Error).message}`);
      }
    }
    this.pages.push(page);
  }

  /**
   * Assigns the workspace to a user.
   *
   * @param user a user of the same instance, not yet assigned
   */
  public addUser(user: IUser): void {
    if (this.users.includes(user)) {
      fail(this, `users must be unique, '${user.node.path}' is added more than once`);
    }
    validateSameInstance(this, `user '${user.node.path}'`, this.instanceArn, user.instanceArn);
    this.users.push(user);
  }

  /**
   * Assigns the workspace to the users of a routing profile.
   *
   * @param routingProfile a routing profile of the same instance, not yet assigned
   */
  public addRoutingProfile(routingProfile: IRoutingProfile): void {
    if (this.routingProfiles.includes(routingProfile)) {
      fail(this, `routingProfiles must be unique, '${routingProfile.node.path}' is added more than once`);
    }
    validateSameInstance(this, `routing profile '${routingProfile.node.path}'`, this.instanceArn, routingProfile.instanceArn);
    this.routingProfiles.push(routingProfile);
  }
}

function renderTheme(scope: IConstruct, theme: WorkspaceTheme): CfnWorkspace.WorkspaceThemeProperty {
  return {
    light: theme.light ? renderThemeConfig(scope, 'theme.light', theme.light) : undefined,
    dark: theme.dark ? renderThemeConfig(scope, 'theme.dark', theme.dark) : undefined,
  };
}

function renderThemeConfig(scope: IConstruct, where: string, config: WorkspaceThemeConfig): CfnWorkspace.WorkspaceThemeConfigProperty {
  const palette = config.palette;
  const color = (what: string, value: string | undefined): string | undefined => {
    validateLength(scope, `${where}.palette.${what}`, value, 1, 127);
    validatePattern(scope, `${where}.palette.${what}`, value, NOT_BLANK, 'more than spaces');
    return value;
  };
  return {
    palette: palette ? {
      header: palette.header ? {
        background: color('header.background', palette.header.background),
        text: color('header.text', palette.header.text),
        textHover: color('header.textHover', palette.header.textHover),
        invertActionsColors: palette.header.invertActionsColors,
      } : undefined,
      navigation: palette.navigation ? {
        background: color('navigation.background', palette.navigation.background),
        text: color('navigation.text', palette.navigation.text),
        textHover: color('navigation.textHover', palette.navigation.textHover),
        textActive: color('navigation.textActive', palette.navigation.textActive),
        textBackgroundHover: color('navigation.textBackgroundHover', palette.navigation.textBackgroundHover),
        textBackgroundActive: color('navigation.textBackgroundActive', palette.navigation.textBackgroundActive),
        invertActionsColors: palette.navigation.invertActionsColors,
      } : undefined,
      canvas: palette.canvas ? {
        containerBackground: color('canvas.containerBackground', palette.canvas.containerBackground),
        pageBackground: color('canvas.pageBackground', palette.canvas.pageBackground),
        activeBackground: color('canvas.activeBackground', palette.canvas.activeBackground),
      } : undefined,
      primary: palette.primary ? {
        default: color('primary.color', palette.primary.color),
        active: color('primary.active', palette.primary.active),
        contrastText: color('primary.contrastText', palette.primary.contrastText),
      } : undefined,
    } : undefined,
    typography: config.fontFamily ? { fontFamily: { default: config.fontFamily } } : undefined,
  };
}
