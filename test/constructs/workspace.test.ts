import { CfnElement, CfnParameter, Stack, Tags, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RoutingProfile } from '../../src/constructs/routing-profile';
import { User } from '../../src/constructs/user';
import { IView, View, ViewTemplate } from '../../src/constructs/view';
import {
  Workspace, WorkspaceFontFamily, WorkspaceMediaType, WorkspacePageName, WorkspaceProps, WorkspaceVisibility,
} from '../../src/constructs/workspace';
import { INSTANCE_ARN, testStack } from '../helpers';

const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555';
const VIEW_ARN = `${INSTANCE_ARN}/view/view-1`;
const USER_ARN = `${INSTANCE_ARN}/agent/user-1`;
const PROFILE_ARN = `${INSTANCE_ARN}/routing-profile/profile-1`;
const WORKSPACE_ARN = `${INSTANCE_ARN}/workspace/ws-1`;

function workspace(extra: (stack: Stack, view: IView) => Partial<WorkspaceProps> = () => ({})): { stack: Stack; workspace: Workspace; view: IView } {
  const { stack, instance } = testStack();
  const view = View.fromViewArn(stack, 'View', VIEW_ARN);
  const ws = new Workspace(stack, 'Workspace', { instance, workspaceName: 'Support', ...extra(stack, view) });
  return { stack, workspace: ws, view };
}

function props(stack: Stack): Record<string, any> {
  return Object.values(Template.fromStack(stack).findResources('AWS::Connect::Workspace'))[0].Properties;
}

describe('Workspace', () => {
  test('creates a workspace with only a name', () => {
    const { stack } = workspace();
    expect(props(stack)).toEqual({ InstanceArn: INSTANCE_ARN, Name: 'Support' });
  });

  test('renders description, title, visibility, media, pages and associations', () => {
    const { stack } = workspace((s, view) => ({
      description: 'Workspace for support agents.\nSecond line',
      title: 'Acme support',
      visibility: WorkspaceVisibility.ASSIGNED,
      media: [{ type: WorkspaceMediaType.IMAGE_LOGO_LIGHT_HORIZONTAL, source: 'iVBORw0KGgo=' }],
      pages: [
        { page: WorkspacePageName.HOME, view },
        { page: WorkspacePageName.custom('orders'), view, slug: 'my-orders', inputData: '{"mode":"list"}' },
      ],
      users: [User.fromUserArn(s, 'Jane', USER_ARN)],
      routingProfiles: [RoutingProfile.fromRoutingProfileArn(s, 'Profile', PROFILE_ARN)],
    }));

    expect(props(stack)).toEqual({
      InstanceArn: INSTANCE_ARN,
      Name: 'Support',
      Description: 'Workspace for support agents.\nSecond line',
      Title: 'Acme support',
      Visibility: 'ASSIGNED',
      Media: [{ Type: 'IMAGE_LOGO_LIGHT_HORIZONTAL', Source: 'iVBORw0KGgo=' }],
      Pages: [
        { Page: 'HOME', ResourceArn: VIEW_ARN },
        { Page: 'orders', ResourceArn: VIEW_ARN, Slug: 'my-orders', InputData: '{"mode":"list"}' },
      ],
      Associations: [USER_ARN, PROFILE_ARN],
    });
  });

  test('renders the theme', () => {
    const { stack } = workspace(() => ({
      theme: {
        light: {
          palette: {
            header: { background: '#ffffff', text: '#000000', textHover: '#333333', invertActionsColors: false },
            navigation: {
              background: '#f0f0f0',
              text: '#111111',
              textHover: '#222222',
              textActive: '#0f62fe',
              textBackgroundHover: '#e0e0e0',
              textBackgroundActive: '#d0d0d0',
              invertActionsColors: true,
            },
            canvas: { containerBackground: '#fafafa', pageBackground: '#ffffff', activeBackground: '#eeeeee' },
            primary: { color: '#0f62fe', active: '#0043ce', contrastText: '#ffffff' },
          },
          fontFamily: WorkspaceFontFamily.ARIAL,
        },
        dark: { palette: { primary: { color: '#78a9ff' } } },
      },
    }));

    expect(props(stack).Theme).toEqual({
      Light: {
        Palette: {
          Header: { Background: '#ffffff', Text: '#000000', TextHover: '#333333', InvertActionsColors: false },
          Navigation: {
            Background: '#f0f0f0',
            Text: '#111111',
            TextHover: '#222222',
            TextActive: '#0f62fe',
            TextBackgroundHover: '#e0e0e0',
            TextBackgroundActive: '#d0d0d0',
            InvertActionsColors: true,
          },
          Canvas: { ContainerBackground: '#fafafa', PageBackground: '#ffffff', ActiveBackground: '#eeeeee' },
          Primary: { Default: '#0f62fe', Active: '#0043ce', ContrastText: '#ffffff' },
        },
        Typography: { FontFamily: { Default: 'ARIAL' } },
      },
      Dark: { Palette: { Primary: { Default: '#78a9ff' } } },
    });
  });

  test('every font family and media type of the schema is in the enums', () => {
    expect(Object.values(WorkspaceFontFamily).sort()).toEqual(['ARIAL', 'COURIER_NEW', 'GEORGIA', 'TIMES_NEW_ROMAN', 'TREBUCHET', 'VERDANA']);
    expect(Object.values(WorkspaceMediaType).sort()).toEqual([
      'IMAGE_LOGO_DARK_FAVICON', 'IMAGE_LOGO_DARK_HORIZONTAL', 'IMAGE_LOGO_LIGHT_FAVICON', 'IMAGE_LOGO_LIGHT_HORIZONTAL',
    ]);
    expect(Object.values(WorkspaceVisibility).sort()).toEqual(['ALL', 'ASSIGNED', 'NONE']);
  });

  test('addPage, addUser and addRoutingProfile fill the lists after construction, with views defined in the app', () => {
    const { stack, instance } = testStack();
    const ws = new Workspace(stack, 'Workspace', { instance });
    const view = new View(stack, 'Home', { instance, template: ViewTemplate.fromObject({ Head: {}, Body: [] }) });
    ws.addPage({ page: WorkspacePageName.AGENT_EXPERIENCE, view });
    ws.addUser(User.fromUserArn(stack, 'Jane', USER_ARN));
    ws.addRoutingProfile(RoutingProfile.fromRoutingProfileArn(stack, 'Profile', PROFILE_ARN));

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Workspace', {
      Name: Match.stringLikeRegexp('Workspace'),
      Pages: [{ Page: 'AGENT_EXPERIENCE', ResourceArn: { 'Fn::GetAtt': [stack.getLogicalId(view.node.defaultChild as CfnElement), 'ViewArn'] } }],
      Associations: [USER_ARN, PROFILE_ARN],
    });
  });

  test('exposes the ARN, the id and the instance ARN', () => {
    const { stack, workspace: ws } = workspace();
    const logicalId = stack.getLogicalId(ws.node.defaultChild as CfnElement);
    expect(stack.resolve(ws.workspaceArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'Arn'] });
    expect(stack.resolve(ws.workspaceId)).toEqual({ 'Fn::GetAtt': [logicalId, 'Id'] });
    expect(ws.instanceArn).toBe(INSTANCE_ARN);
    expect(ws.workspaceName).toBe('Support');
    expect(stack.resolve(ws.workspaceRef.workspaceArn)).toEqual(stack.resolve(ws.workspaceArn));
  });

  test('takes tags from Tags.of', () => {
    const { stack, workspace: ws } = workspace();
    Tags.of(ws).add('team', 'support');
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Workspace', { Tags: [{ Key: 'team', Value: 'support' }] });
  });

  test('skips validation of token values', () => {
    const { stack } = workspace((s, view) => ({
      workspaceName: new CfnParameter(s, 'Name').valueAsString,
      pages: [{ page: WorkspacePageName.custom(new CfnParameter(s, 'Page').valueAsString), view, inputData: new CfnParameter(s, 'Input').valueAsString }],
    }));
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Workspace', {
      Name: { Ref: 'Name' },
      Pages: [{ Page: { Ref: 'Page' }, ResourceArn: VIEW_ARN, InputData: { Ref: 'Input' } }],
    });
  });

  test('fails with a bad name', () => {
    expect(() => workspace(() => ({ workspaceName: '' }))).toThrow(/Test\/Workspace: workspace name must be 1 to 127 characters, got 0/);
    expect(() => workspace(() => ({ workspaceName: 'x'.repeat(128) }))).toThrow(/workspace name must be 1 to 127 characters, got 128/);
    expect(() => workspace(() => ({ workspaceName: '   ' }))).toThrow(/workspace name must be more than spaces, got '   '/);
  });

  test('fails with a bad description or title', () => {
    expect(() => workspace(() => ({ description: '' }))).toThrow(/description must be 1 to 500 characters, got 0/);
    expect(() => workspace(() => ({ description: 'x'.repeat(501) }))).toThrow(/description must be 1 to 500 characters, got 501/);
    expect(() => workspace(() => ({ description: 'bell\u0007' }))).toThrow(/description must be free of control characters other than line breaks and tabs/);
    expect(() => workspace(() => ({ title: '' }))).toThrow(/title must be 1 to 127 characters, got 0/);
    expect(() => workspace(() => ({ title: 'x'.repeat(128) }))).toThrow(/title must be 1 to 127 characters, got 128/);
    expect(() => workspace(() => ({ title: 'two\nlines' }))).toThrow(/title must be free of control characters, got/);
  });

  test('fails with bad media', () => {
    const type = WorkspaceMediaType.IMAGE_LOGO_DARK_FAVICON;
    expect(() => workspace(() => ({ media: [{ type, source: 'a' }, { type, source: 'b' }] })))
      .toThrow(/media types must be unique, IMAGE_LOGO_DARK_FAVICON appears more than once/);
    expect(() => workspace(() => ({ media: [{ type, source: '' }] })))
      .toThrow(/media IMAGE_LOGO_DARK_FAVICON source must be 1 to 533333 characters, got 0/);
    expect(() => workspace(() => ({ media: [{ type, source: 'x'.repeat(533_334) }] })))
      .toThrow(/media IMAGE_LOGO_DARK_FAVICON source must be 1 to 533333 characters, got 533334/);
  });

  test('fails with bad theme colors', () => {
    expect(() => workspace(() => ({ theme: { light: { palette: { header: { background: '' } } } } })))
      .toThrow(/theme.light.palette.header.background must be 1 to 127 characters, got 0/);
    expect(() => workspace(() => ({ theme: { dark: { palette: { primary: { color: 'x'.repeat(128) } } } } })))
      .toThrow(/theme.dark.palette.primary.color must be 1 to 127 characters, got 128/);
    expect(() => workspace(() => ({ theme: { dark: { palette: { canvas: { pageBackground: ' ' } } } } })))
      .toThrow(/theme.dark.palette.canvas.pageBackground must be more than spaces/);
  });

  test('fails with bad pages', () => {
    const { workspace: ws, view } = workspace();
    expect(() => ws.addPage({ page: WorkspacePageName.custom(''), view })).toThrow(/page must be 1 to 25 characters, got 0/);
    expect(() => ws.addPage({ page: WorkspacePageName.custom('x'.repeat(26)), view })).toThrow(/page must be 1 to 25 characters, got 26/);
    expect(() => ws.addPage({ page: WorkspacePageName.custom('a/b'), view })).toThrow(/page must be letters, digits, spaces and .*, not . or .., got 'a\/b'/);
    expect(() => ws.addPage({ page: WorkspacePageName.custom('..'), view })).toThrow(/page must be letters, .*got '..'/);
    expect(() => ws.addPage({ page: WorkspacePageName.custom('connect:home'), view })).toThrow(/page must not start with aws: or connect:, got 'connect:home'/);
    expect(() => ws.addPage({ page: WorkspacePageName.custom('orders'), view, slug: 'ab' })).toThrow(/slug of page 'orders' must be empty or 3 or more of letters/);
    expect(() => ws.addPage({ page: WorkspacePageName.custom('orders'), view, slug: 'x'.repeat(64) })).toThrow(/slug of page 'orders' must be 0 to 63 characters, got 64/);
    expect(() => ws.addPage({ page: WorkspacePageName.custom('orders'), view, inputData: '{bad' })).toThrow(/inputData of page 'orders' must be valid JSON/);
    expect(() => ws.addPage({ page: WorkspacePageName.custom('orders'), view, inputData: JSON.stringify({ x: 'y'.repeat(4096) }) }))
      .toThrow(/inputData of page 'orders' must be 0 to 4096 characters, got 4104/);
  });

  test('fails with a page or a slug added twice', () => {
    const { workspace: ws, view } = workspace();
    ws.addPage({ page: WorkspacePageName.HOME, view, slug: 'start' });
    expect(() => ws.addPage({ page: WorkspacePageName.HOME, view })).toThrow(/pages must be unique, 'HOME' is added more than once/);
    expect(() => ws.addPage({ page: WorkspacePageName.custom('other'), view, slug: 'start' }))
      .toThrow(/page slugs must be unique, 'start' is used more than once/);
  });

  test('fails with a view, user or routing profile of another instance', () => {
    const { stack, workspace: ws } = workspace();
    expect(() => ws.addPage({ page: WorkspacePageName.HOME, view: View.fromViewArn(stack, 'Other', `${OTHER_INSTANCE_ARN}/view/v`) }))
      .toThrow(new RegExp(`view of page 'HOME' must belong to instance ${INSTANCE_ARN}, got one of instance ${OTHER_INSTANCE_ARN}`));
    expect(() => ws.addUser(User.fromUserArn(stack, 'OtherUser', `${OTHER_INSTANCE_ARN}/agent/u`)))
      .toThrow(/user 'Test\/OtherUser' must belong to instance /);
    expect(() => ws.addRoutingProfile(RoutingProfile.fromRoutingProfileArn(stack, 'OtherProfile', `${OTHER_INSTANCE_ARN}/routing-profile/p`)))
      .toThrow(/routing profile 'Test\/OtherProfile' must belong to instance /);
  });

  test('fails with a user or routing profile added twice', () => {
    const { stack, workspace: ws } = workspace();
    const user = User.fromUserArn(stack, 'Jane', USER_ARN);
    const profile = RoutingProfile.fromRoutingProfileArn(stack, 'Profile', PROFILE_ARN);
    ws.addUser(user);
    ws.addRoutingProfile(profile);
    expect(() => ws.addUser(user)).toThrow(/users must be unique, 'Test\/Jane' is added more than once/);
    expect(() => ws.addRoutingProfile(profile)).toThrow(/routingProfiles must be unique, 'Test\/Profile' is added more than once/);
  });
});

describe('Workspace.fromWorkspaceArn', () => {
  test('takes the id and the instance ARN from a concrete ARN', () => {
    const { stack } = testStack();
    const ws = Workspace.fromWorkspaceArn(stack, 'Imported', WORKSPACE_ARN);
    expect(ws.workspaceArn).toBe(WORKSPACE_ARN);
    expect(ws.workspaceId).toBe('ws-1');
    expect(ws.instanceArn).toBe(INSTANCE_ARN);
    expect(ws.env.account).toBe('111122223333');
    expect(ws.workspaceRef.workspaceArn).toBe(WORKSPACE_ARN);
  });

  test('splits a token ARN with CloudFormation functions', () => {
    const stack = new Stack();
    const ws = Workspace.fromWorkspaceArn(stack, 'Imported', Token.asString({ Ref: 'Arn' }));
    expect(stack.resolve(ws.workspaceId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'Arn' }] }] });
  });

  test.each(['not-an-arn', `${INSTANCE_ARN}/queue/abc`])('fails with the malformed ARN %p', (arn) => {
    const { stack } = testStack();
    expect(() => Workspace.fromWorkspaceArn(stack, 'Imported', arn))
      .toThrow(/Test\/Imported: workspace ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/workspace\/<id>/);
  });
});
