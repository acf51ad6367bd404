import { ArnKind, arnKindOf, arnVariableBase, describeArn, findArns, isInstanceSpecificArn } from './arns';
import {
  DocumentAction, DocumentCondition, FlowDocument, hasNoTransitions, readFlowDocument, reachableActions, unreachableActions,
} from './document';

/**
 * Turns a flow language document into TypeScript code that builds the same flow with this library: one action per
 * action of the document, linked by its transitions, and `export const definition = FlowDefinition.start(...)`.
 * Every ARN of an Amazon Connect, Lambda or Lex resource becomes a `declare const` of the matching construct
 * interface, for the user to replace with a construct of their app.
 *
 * Actions are written by the emitter registered for their type (`ACTION_EMITTERS`), and as `RawAction`s when there
 * is none or it declines.
 */

/** The error type that catches every error no other branch handles. */
const NO_MATCHING_ERROR = 'NoMatchingError';

/** The branch taken when no condition matches. */
const NO_MATCHING_CONDITION = 'NoMatchingCondition';

/** The package name generated code imports the library from, unless told otherwise. */
export const LIBRARY_MODULE = 'cdk-connect';

/** A variable of generated code that stands for an ARN of the flow file. */
export interface ArnVariable {
  /** The variable: `queue1`. */
  readonly name: string;

  /** The ARN it stands for. */
  readonly arn: string;

  /** The kind of construct, or undefined when no construct stands for the ARN (the variable is a string). */
  readonly kind?: ArnKind;

  /** Its type in the generated code: `IQueue`, `lambda.IFunction`, `string`. */
  readonly typeName: string;

  /** What the ARN names, in words: `queue`, `routing profile`. */
  readonly description: string;

  /** The expression that gives the ARN: `queue1.queueArn`, or the name for a string variable. */
  readonly expression: string;
}

/** What the code generator produces. */
export interface GeneratedFlowCode {
  /** The TypeScript module. */
  readonly code: string;

  /** The variables declared for ARNs, in the order they first occur. */
  readonly arns: ArnVariable[];

  /** The actions of the file left out because they are not reachable from the start (`'Id' (Type)`). */
  readonly unreachable: string[];

  /** How many actions the code builds. */
  readonly actionCount: number;
}

/** What an action emitter may use. */
export interface EmitContext {
  /**
   * A value as a TypeScript expression, ARNs replaced by their variables' ARN expressions (`queue1.queueArn`).
   *
   * @param indent the indentation of the line the expression starts on
   */
  literal(value: unknown, indent?: string): string;

  /** The variable declared for an ARN of an Amazon Connect, Lambda or Lex resource (declared on first use). */
  arnVariable(arn: string): ArnVariable;

  /** Imports a name from the library (a class or interface). */
  importFromLibrary(name: string): void;
}

/** A branch of an action as an emitter links it. */
export interface EmitBranch {
  /** `next`, a `condition`, or an `error`. */
  readonly kind: 'next' | 'condition' | 'error';

  /** The error type, for error branches. */
  readonly errorType?: string;

  /** The condition, for condition branches. */
  readonly condition?: DocumentCondition;

  /** The variable of the action the branch leads to. */
  readonly target: string;
}

/** How an emitter writes an action. */
export interface ActionEmission {
  /** The expression that creates the action: `new MessageParticipant('Hello', { text: 'Hi' })`. */
  readonly expression: string;

  /**
   * The method call that links a branch, such as `.onTimeout(next)`, or undefined for the generic one (`.next()`,
   * `.when()`, `.onErrorType()`). Each branch is linked in its own statement.
   *
   * @default - the generic calls
   */
  readonly linkBranch?: (branch: EmitBranch, context: EmitContext) => string | undefined;
}

/** Writes one action of a type; returns undefined to leave it to the `RawAction` fallback. */
export type ActionEmitter = (action: DocumentAction, context: EmitContext) => ActionEmission | undefined;

/**
 * The emitters of the action types that have a typed class, by flow language type. Empty for now: every action is
 * written as a `RawAction`.
 */
export const ACTION_EMITTERS: ReadonlyMap<string, ActionEmitter> = new Map();

/** Options of the code generator. */
export interface CodegenOptions {
  /**
   * The module generated code imports the library from.
   *
   * @default 'cdk-connect'
   */
  readonly moduleName?: string;

  /**
   * The name of the flow file, for the header comment.
   *
   * @default - the header names no file
   */
  readonly sourceName?: string;

  /**
   * The emitters of typed actions.
   *
   * @default ACTION_EMITTERS
   */
  readonly emitters?: ReadonlyMap<string, ActionEmitter>;
}

/**
 * Generates TypeScript builder code for a flow language document.
 *
 * Fails (naming the action) for what is not flow language and for transitions to missing actions. Actions not
 * reachable from the start are left out and listed in the header and in `unreachable`.
 *
 * @param document the parsed document
 * @param source the document in messages: `flow file 'inbound.json'`
 */
export function generateFlowCode(document: unknown, source: string, options: CodegenOptions = {}): GeneratedFlowCode {
  const flow = readFlowDocument(document, source);
  const emitters = options.emitters ?? ACTION_EMITTERS;
  const reached = new Set(reachableActions(flow));
  const actions = flow.actions.filter(action => reached.has(action.identifier));

  // First pass: which names the code imports, so that no variable takes one.
  const probe = new Generator(flow, actions, emitters, new Set());
  probe.emit();
  const generator = new Generator(flow, actions, emitters, probe.importedNames());
  const body = generator.emit();

  const unreachable = unreachableActions(flow).map(action => `'${action.identifier}' (${action.type})`);
  const code = [
    ...header(flow, generator.arns, unreachable, options.sourceName),
    '',
    ...generator.imports(options.moduleName ?? LIBRARY_MODULE),
    '',
    ...body,
  ].join('\n');
  return { code, arns: generator.arns, unreachable, actionCount: actions.length };
}

function header(flow: FlowDocument, arns: readonly ArnVariable[], unreachable: string[], sourceName: string | undefined): string[] {
  const lines = [
    `// Generated by \`cdk-connect import-flow\`${sourceName ? ` from ${sourceName}` : ''}: the flow as builder code.`,
    '// Review it, then use `definition` as the content of a ContactFlow or ContactFlowModule.',
  ];
  if (arns.length > 0) {
    const nameWidth = Math.max(...arns.map(arn => arn.name.length));
    const typeWidth = Math.max(...arns.map(arn => arn.typeName.length));
    lines.push(
      '//',
      '// ARNs to map: the flow file names these resources of the instance it was exported from. Replace each',
      '// `declare const` below with a construct of your app (a new one, or one imported with fromXxxArn).',
      ...arns.map(arn => `//   ${arn.name.padEnd(nameWidth)}  ${arn.typeName.padEnd(typeWidth)}  ${arn.arn}`),
    );
  } else {
    lines.push('//', '// The flow file names no Amazon Connect, Lambda or Lex resource by ARN.');
  }
  if (unreachable.length > 0) {
    lines.push('//', `// Left out, not reachable from the start action '${flow.startAction}':`, ...unreachable.map(action => `//   ${action}`));
  }
  return lines;
}

/** Writes the body of the module; run twice (the first run finds the imported names). */
class Generator implements EmitContext {
  public readonly arns: ArnVariable[] = [];

  private readonly libraryImports = new Set<string>();
  private readonly moduleImports = new Set<ArnKind['module']>();
  private readonly arnsByValue = new Map<string, ArnVariable>();
  private readonly names: Names;
  private readonly variables = new Map<string, string>();

  constructor(
    private readonly flow: FlowDocument,
    private readonly actions: readonly DocumentAction[],
    private readonly emitters: ReadonlyMap<string, ActionEmitter>,
    imported: ReadonlySet<string>,
  ) {
    this.names = new Names(imported);
    for (const action of actions) {
      this.variables.set(action.identifier, this.names.forAction(action.identifier, action.type));
    }
  }

  /** The names the code imports (from the library and as module namespaces). */
  public importedNames(): Set<string> {
    return new Set([...this.libraryImports, 'lambda', 'lexRefs']);
  }

  public importFromLibrary(name: string): void {
    this.libraryImports.add(name);
  }

  public arnVariable(arn: string): ArnVariable {
    const known = this.arnsByValue.get(arn);
    if (known !== undefined) {
      return known;
    }
    const kind = arnKindOf(arn);
    const name = this.names.numbered(kind ? kind.name : arnVariableBase(arn));
    const variable: ArnVariable = {
      name,
      arn,
      kind,
      typeName: kind ? kind.typeName : 'string',
      description: describeArn(arn),
      expression: kind ? `${name}.${kind.arnProperty}` : name,
    };
    if (kind?.module === 'library') {
      this.importFromLibrary(kind.typeName);
    } else if (kind) {
      this.moduleImports.add(kind.module);
    }
    this.arnsByValue.set(arn, variable);
    this.arns.push(variable);
    return variable;
  }

  public literal(value: unknown, indent: string = ''): string {
    if (typeof value === 'string') {
      return this.stringLiteral(value);
    }
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
      return String(value);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) {
        return '[]';
      }
      const items = value.map(item => this.literal(item, indent + '  '));
      const inline = `[${items.join(', ')}]`;
      if (inline.length <= 80 && !inline.includes('\n')) {
        return inline;
      }
      return `[\n${items.map(item => `${indent}  ${item},`).join('\n')}\n${indent}]`;
    }
    if (typeof value === 'object' && value !== undefined) {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) {
        return '{}';
      }
      return `{\n${entries.map(([key, item]) => `${indent}  ${propertyKey(key)}: ${this.literal(item, indent + '  ')},`).join('\n')}\n${indent}}`;
    }
    return 'undefined';
  }

  /** The module's imports, sorted: aws-cdk-lib first, then the library. */
  public imports(moduleName: string): string[] {
    const lines: string[] = [];
    if (this.moduleImports.has('lambda')) {
      lines.push('import * as lambda from \'aws-cdk-lib/aws-lambda\';');
    }
    if (this.moduleImports.has('lex')) {
      lines.push('import { aws_lex as lexRefs } from \'aws-cdk-lib/interfaces\';');
    }
    const names = [...this.libraryImports].sort();
    lines.push(`import { ${names.join(', ')} } from ${quote(moduleName)};`);
    return lines;
  }

  /** The declarations, actions, transitions and the definition. */
  public emit(): string[] {
    this.importFromLibrary('FlowDefinition');
    const emissions = new Map<string, ActionEmission>();
    const creations: string[] = [];
    for (const action of this.actions) {
      const emission = this.emitters.get(action.type)?.(action, this) ?? this.rawAction(action);
      emissions.set(action.identifier, emission);
      creations.push(`const ${this.variable(action.identifier)} = ${emission.expression};`);
    }

    const links: string[] = [];
    for (const action of this.actions) {
      links.push(...this.link(action, emissions.get(action.identifier)!));
    }

    const lines: string[] = [];
    if (this.arns.length > 0) {
      lines.push('// The resources the flow references (see above).');
      lines.push(...this.arns.map(arn => `declare const ${arn.name}: ${arn.typeName};`), '');
    }
    lines.push('// The actions.', ...creations, '');
    if (links.length > 0) {
      lines.push('// How they continue.', ...links, '');
    }
    lines.push(`export const definition = FlowDefinition.start(${this.variable(this.flow.startAction)});`, '');
    return lines;
  }

  private variable(identifier: string): string {
    return this.variables.get(identifier)!;
  }

  /** The fallback: a `RawAction` of the action's type with its parameters. */
  private rawAction(action: DocumentAction): ActionEmission {
    this.importFromLibrary('RawAction');
    const props: string[] = [`  actionType: ${quote(action.type)},`];
    const parameters = action.parameters ?? {};
    if (Object.keys(parameters).length > 0) {
      props.push(`  parameters: ${this.literal(parameters, '  ')},`);
    }
    const referenced = this.arnsIn(parameters);
    const functions = referenced.filter(arn => arn.kind?.module === 'lambda');
    if (functions.length > 0) {
      props.push(`  lambdaFunctions: [${functions.map(arn => arn.name).join(', ')}],`);
    }
    const aliases = referenced.filter(arn => arn.kind?.module === 'lex');
    if (aliases.length > 0) {
      props.push(`  lexBotAliases: [${aliases.map(arn => arn.name).join(', ')}],`);
    }
    if (hasNoTransitions(action)) {
      props.push('  terminal: true,');
    }
    return { expression: `new RawAction(${quote(action.identifier)}, {\n${props.join('\n')}\n})` };
  }

  /** The variables of the ARNs in a value, each once, in order. */
  private arnsIn(value: unknown): ArnVariable[] {
    const found = new Set<ArnVariable>();
    const walk = (item: unknown): void => {
      if (typeof item === 'string') {
        for (const arn of findArns(item)) {
          if (isInstanceSpecificArn(arn.arn)) {
            found.add(this.arnVariable(arn.arn));
          }
        }
      } else if (Array.isArray(item)) {
        item.forEach(walk);
      } else if (typeof item === 'object' && item !== null) {
        Object.values(item).forEach(walk);
      }
    };
    walk(value);
    return [...found];
  }

  /** The statements that link an action's branches. */
  private link(action: DocumentAction, emission: ActionEmission): string[] {
    const self = this.variable(action.identifier);
    const branches: EmitBranch[] = [
      ...(action.next !== undefined ? [{ kind: 'next' as const, target: this.variable(action.next) }] : []),
      ...action.conditions.map(condition => ({ kind: 'condition' as const, condition, target: this.variable(condition.target) })),
      ...action.errors.map(error => ({ kind: 'error' as const, errorType: error.errorType, target: this.variable(error.target) })),
    ];
    if (emission.linkBranch !== undefined) {
      return branches.map(branch => `${self}${emission.linkBranch!(branch, this) ?? this.genericCall(branch)};`);
    }

    // A RawAction: `next()` returns a chain, so it is a statement of its own; `when()` and `otherwise()` return the
    // action with its condition methods, `onError()` and `onErrorType()` a plain action: conditions come first.
    const statements: string[] = [];
    const calls: string[] = [];
    let conditional = true;
    for (const branch of branches) {
      if (branch.kind === 'next') {
        statements.push(`${self}.next(${branch.target});`);
      } else if (branch.kind === 'error' && branch.errorType === NO_MATCHING_CONDITION && conditional) {
        calls.push(`.otherwise(${branch.target})`);
      } else {
        calls.push(this.genericCall(branch));
        conditional = conditional && branch.kind === 'condition';
      }
    }
    if (calls.length === 1) {
      statements.push(`${self}${calls[0]};`);
    } else if (calls.length > 1) {
      statements.push(`${self}\n${calls.map(call => `  ${call}`).join('\n')};`);
    }
    return statements;
  }

  private genericCall(branch: EmitBranch): string {
    switch (branch.kind) {
      case 'next':
        return `.next(${branch.target})`;
      case 'condition':
        return `.when(${this.condition(branch.condition!)}, ${branch.target})`;
      default:
        return branch.errorType === NO_MATCHING_ERROR
          ? `.onError(${branch.target})`
          : `.onErrorType(${quote(branch.errorType!)}, ${branch.target})`;
    }
  }

  /** A condition with the `FlowCondition` factory that renders it exactly. */
  private condition(condition: DocumentCondition): string {
    this.importFromLibrary('FlowCondition');
    const [operand] = condition.operands;
    if (condition.operands.length === 1) {
      const textFactory = TEXT_FACTORIES[condition.operator];
      if (textFactory !== undefined) {
        return `FlowCondition.${textFactory}(${this.literal(operand)})`;
      }
      const numberFactory = NUMBER_FACTORIES[condition.operator];
      const number = Number(operand);
      if (numberFactory !== undefined && operand.trim() !== '' && Number.isFinite(number) && String(number) === operand) {
        return `FlowCondition.${numberFactory}(${operand})`;
      }
    }
    return `FlowCondition.of(${quote(condition.operator)}, ${this.literal(condition.operands)})`;
  }

  /** A string as a TypeScript expression; ARNs become their variables' expressions. */
  private stringLiteral(text: string): string {
    const arns = findArns(text).filter(found => isInstanceSpecificArn(found.arn));
    if (arns.length === 0) {
      return quote(text);
    }
    if (arns.length === 1 && arns[0].arn === text) {
      return this.arnVariable(text).expression;
    }
    let template = '`';
    let position = 0;
    for (const found of arns) {
      template += escapeTemplate(text.slice(position, found.start)) + '${' + this.arnVariable(found.arn).expression + '}';
      position = found.end;
    }
    return template + escapeTemplate(text.slice(position)) + '`';
  }
}

/** `FlowCondition` factories that take a text operand, by operator. */
const TEXT_FACTORIES: Record<string, string | undefined> = {
  Equals: 'equalTo',
  TextContains: 'textContains',
  TextStartsWith: 'textStartsWith',
  TextEndsWith: 'textEndsWith',
};

/** `FlowCondition` factories that take a number operand, by operator. */
const NUMBER_FACTORIES: Record<string, string | undefined> = {
  NumberGreaterThan: 'numberGreaterThan',
  NumberGreaterOrEqualTo: 'numberGreaterOrEqualTo',
  NumberLessThan: 'numberLessThan',
  NumberLessOrEqualTo: 'numberLessOrEqualTo',
};

/** Words that cannot name a variable of a module, and names the module's own scope holds. */
const RESERVED_NAMES = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'await', 'async',
  'arguments', 'eval', 'undefined', 'NaN', 'Infinity', 'globalThis',
  'require', 'module', 'exports', '__filename', '__dirname',
  'definition', 'lambda', 'lexRefs',
]);

/** A TypeScript identifier (letters, digits, `_` and `$`, any script). */
const IDENTIFIER = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200C\u200D]*$/u;

/** The identifiers the flow designer gives new blocks. */
const GENERATED_IDENTIFIER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Allocates the variable names of a module: stable (in the order asked) and unique. */
class Names {
  private readonly taken: Set<string>;
  private readonly counters = new Map<string, number>();

  constructor(reserved: ReadonlySet<string>) {
    this.taken = new Set([...RESERVED_NAMES, ...reserved]);
  }

  /** The variable of an action. */
  public forAction(identifier: string, type: string): string {
    const base = actionVariableBase(identifier);
    return base === undefined ? this.numbered(lowerFirst(type.replace(/[^\p{ID_Continue}$]/gu, '')) || 'action') : this.unique(base);
  }

  /** A name of the base and a counter from 1: `queue1`. */
  public numbered(base: string): string {
    let counter = this.counters.get(base) ?? 0;
    let name: string;
    do {
      counter += 1;
      name = `${base}${counter}`;
    } while (this.taken.has(name));
    this.counters.set(base, counter);
    this.taken.add(name);
    return name;
  }

  /** The base itself if free, else the base and a counter from 2. */
  private unique(base: string): string {
    let name = base;
    for (let counter = 2; this.taken.has(name); counter++) {
      name = `${base}${counter}`;
    }
    this.taken.add(name);
    return name;
  }
}

/**
 * The variable name for an action identifier: the identifier itself when it is a legal name; else its words in
 * camel case (`Play greeting` → `playGreeting`); undefined for identifiers the flow designer generates (UUIDs)
 * and identifiers without letters, which are named after their type.
 */
export function actionVariableBase(identifier: string): string | undefined {
  if (IDENTIFIER.test(identifier)) {
    return RESERVED_NAMES.has(identifier) ? `${identifier}Action` : identifier;
  }
  if (GENERATED_IDENTIFIER.test(identifier)) {
    return undefined;
  }
  const words = identifier.match(/[\p{ID_Continue}$]+/gu) ?? [];
  const name = words.map((word, index) => index === 0 ? lowerFirst(word) : word[0].toUpperCase() + word.slice(1)).join('');
  if (!/[\p{L}]/u.test(name)) {
    return undefined;
  }
  const legal = IDENTIFIER.test(name) ? name : `action${name[0].toUpperCase()}${name.slice(1)}`;
  return RESERVED_NAMES.has(legal) ? `${legal}Action` : legal;
}

function lowerFirst(word: string): string {
  return word.length === 0 ? word : word[0].toLowerCase() + word.slice(1);
}

function propertyKey(key: string): string {
  if (key === '__proto__') {
    return `[${quote(key)}]`;
  }
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : quote(key);
}

/** A string literal in single quotes. */
export function quote(text: string): string {
  return `'${escapeCharacters(text.replace(/\\/g, '\\\\').replace(/'/g, '\\\''))}'`;
}

function escapeTemplate(text: string): string {
  return escapeCharacters(text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${'));
}

function escapeCharacters(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, character => {
    switch (character) {
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return '\\t';
      default: return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}
