import { ArnKind, arnKindOf, arnVariableBase, describeArn, findArns, isInstanceSpecificArn } from './arns';
import {
  DocumentAction, DocumentCondition, FlowDocument, hasNoTransitions, readFlowDocument, unreachableActions, unreachableRoots,
} from './document';
import { TYPED_EMITTERS } from './emitters';

/**
 * Turns a flow language document into TypeScript code that builds the same flow with this library: one action per
 * action of the document, linked by its transitions, and `export const definition = FlowDefinition.start(...)`.
 * Every ARN of an Amazon Connect, Lambda or Lex resource becomes a `declare const` of the matching construct
 * interface, for the user to replace with a construct of their app.
 *
 * Actions are written by the emitter registered for their type (`ACTION_EMITTERS`): with their typed class, linked
 * with its branch methods (`.whenInHours(open)`, `.onTimeout(retry)`) and chained with `.next()`; as `RawAction`s when
 * there is no emitter or it declines.
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

  /**
   * The actions of the file that are not reachable from the start (`'Id' (Type)`): the code keeps them, as
   * `unreachableActions` of the definition, and the flow check warns about them.
   */
  readonly unreachable: string[];

  /** How many actions the code builds. */
  readonly actionCount: number;

  /** The actions the code writes as `RawAction`s (`'Id' (Type)`): no typed class, or one that cannot express them. */
  readonly rawActions: string[];
}

/** What an action emitter may use. */
export interface EmitContext {
  /** Whether the definition writes the designer's NextActions (`FlowDefinitionOptions.designerNextActions`). */
  readonly designerNextActions: boolean;

  /**
   * A value as a TypeScript expression, ARNs replaced by their variables' ARN expressions (`queue1.queueArn`).
   *
   * @param indent the indentation of the line the expression starts on
   */
  literal(value: unknown, indent?: string): string;

  /**
   * The variable declared for an ARN of an Amazon Connect, Lambda or Lex resource (declared on first use).
   *
   * @param kind the kind of construct the value stands for, for values whose kind their text does not tell (a
   * Cognito app client id, an AWS managed view)
   */
  arnVariable(arn: string, kind?: ArnKind): ArnVariable;

  /** Imports a name from the library (a class or interface). */
  importFromLibrary(name: string): void;

  /** Imports a name from `aws-cdk-lib` (such as `Duration`). */
  importFromCdk(name: string): void;

  /** The variable of an action of the file, by its identifier. */
  variableOf(identifier: string): string;

  /** A condition as the `FlowCondition` factory call that renders it exactly (imports `FlowCondition`). */
  condition(condition: DocumentCondition): string;

  /**
   * Leaves the action to the `RawAction` fallback, with the reason as a comment above it.
   *
   * @returns undefined, for the emitter to return
   */
  fallBack(reason: string): undefined;

  /**
   * Says that an action of the file leaves out a NextAction its typed class writes as the designer does: the code is
   * then generated again with `designerNextActions: false`, and every NextAction given with `next()`.
   */
  needsExplicitNextActions(): void;
}

/** A branch of an action as an emitter links it. */
export interface EmitBranch {
  /** `next`, a `condition`, or an `error`. */
  readonly kind: 'next' | 'condition' | 'error';

  /** The error type, for error branches. */
  readonly errorType?: string;

  /** The condition, for condition branches (the object of the action's `conditions`). */
  readonly condition?: DocumentCondition;

  /** The variable of the action the branch leads to. */
  readonly target: string;
}

/**
 * The type of the object a branch method is called on, and of what it returns: the action's own class (whose branch
 * methods return the class), a `ConditionalFlowAction` (`when()`, `otherwise()`), or any `FlowAction` (`onError()`).
 */
export type CallType = 'class' | 'conditional' | 'action' | 'chain';

/** How an emitter links one branch. */
export interface BranchLink {
  /**
   * The method call, such as `.onTimeout(sorry)`; undefined when the action writes the branch by itself (a
   * NextAction the class renders from another branch).
   */
  readonly call?: string;

  /** What the call needs its object to be. */
  readonly needs: CallType;

  /** What the call returns. */
  readonly returns: CallType;
}

/** How an emitter writes an action. */
export interface ActionEmission {
  /** The expression that creates the action: `new MessageParticipant('Hello', { text: 'Hi' })`. */
  readonly expression: string;

  /**
   * Statements on the action after it is created, such as its parameter overrides.
   *
   * @default - none
   */
  readonly statements?: string[];

  /**
   * How a branch is linked, or undefined for the generic way: `next()` in a chain, `when()`, `otherwise()`,
   * `onError()`, `onErrorType()`.
   *
   * @default - the generic calls
   */
  readonly linkBranch?: (branch: EmitBranch) => BranchLink | undefined;
}

/** Writes one action of a type; returns undefined to leave it to the `RawAction` fallback. */
export type ActionEmitter = (action: DocumentAction, context: EmitContext) => ActionEmission | undefined;

/**
 * The emitters of the action types that have a typed class, by flow language type (see `emitters.ts`). Each writes
 * its action with the typed class when the class renders the action exactly as the file has it, and leaves it to
 * the `RawAction` fallback otherwise.
 */
export const ACTION_EMITTERS: ReadonlyMap<string, ActionEmitter> = TYPED_EMITTERS;

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
 * reachable from the start are kept (the definition's `unreachableActions`) and listed in the header and in
 * `unreachable`.
 *
 * @param document the parsed document
 * @param source the document in messages: `flow file 'inbound.json'`
 */
export function generateFlowCode(document: unknown, source: string, options: CodegenOptions = {}): GeneratedFlowCode {
  const flow = readFlowDocument(document, source);
  const emitters = options.emitters ?? ACTION_EMITTERS;
  const roots = unreachableRoots(flow);
  const actions = flow.actions;

  // First pass: which names the code imports, so that no variable takes one, and whether the file leaves out a
  // NextAction that a typed class writes as the designer does (then every NextAction is written with next()).
  const probe = new Generator(flow, actions, roots, emitters, new Set(), true);
  probe.emit();
  const generator = new Generator(flow, actions, roots, emitters, probe.importedNames(), !probe.explicitNextActions);
  const body = generator.emit();

  const unreachable = unreachableActions(flow).map(action => `'${action.identifier}' (${action.type})`);
  const code = [
    ...header(flow, generator.arns, unreachable, options.sourceName),
    '',
    ...generator.imports(options.moduleName ?? LIBRARY_MODULE),
    '',
    ...body,
  ].join('\n');
  return { code, arns: generator.arns, unreachable, actionCount: actions.length, rawActions: generator.rawActions };
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
    lines.push('//', `// Not reachable from the start action '${flow.startAction}' (kept, as the flow designer keeps unconnected blocks;`,
      '// they never run, and the flow check warns about them):', ...unreachable.map(action => `//   ${action}`));
  }
  return lines;
}

/** Writes the body of the module; run twice (the first run finds the imported names). */
class Generator implements EmitContext {
  public readonly arns: ArnVariable[] = [];
  public readonly rawActions: string[] = [];
  /** Whether an action needs the definition to write no designer NextActions. */
  public explicitNextActions = false;

  private readonly libraryImports = new Set<string>();
  private readonly cdkImports = new Set<string>();
  private fallBackReason?: string;
  private readonly moduleImports = new Set<ArnKind['module']>();
  private readonly arnsByValue = new Map<string, ArnVariable>();
  private readonly names: Names;
  private readonly variables = new Map<string, string>();

  constructor(
    private readonly flow: FlowDocument,
    private readonly actions: readonly DocumentAction[],
    private readonly unconnected: readonly DocumentAction[],
    private readonly emitters: ReadonlyMap<string, ActionEmitter>,
    imported: ReadonlySet<string>,
    public readonly designerNextActions: boolean,
  ) {
    this.names = new Names(imported);
    for (const action of actions) {
      this.variables.set(action.identifier, this.names.forAction(action.identifier, action.type));
    }
  }

  /** The names the code imports (from the library, aws-cdk-lib, and as module namespaces). */
  public importedNames(): Set<string> {
    return new Set([...this.libraryImports, ...this.cdkImports, 'lambda', 'lexRefs', 'cognito']);
  }

  public importFromLibrary(name: string): void {
    this.libraryImports.add(name);
  }

  public importFromCdk(name: string): void {
    this.cdkImports.add(name);
  }

  public variableOf(identifier: string): string {
    return this.variable(identifier);
  }

  public needsExplicitNextActions(): void {
    this.explicitNextActions = true;
  }

  public fallBack(reason: string): undefined {
    this.fallBackReason = reason;
    return undefined;
  }

  public arnVariable(arn: string, forcedKind?: ArnKind): ArnVariable {
    const known = this.arnsByValue.get(arn);
    if (known !== undefined) {
      return known;
    }
    const kind = forcedKind ?? arnKindOf(arn);
    const name = this.names.numbered(kind ? kind.name : arnVariableBase(arn));
    const variable: ArnVariable = {
      name,
      arn,
      kind,
      typeName: kind ? kind.typeName : 'string',
      description: forcedKind?.description ?? describeArn(arn),
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
    if (this.cdkImports.size > 0) {
      lines.push(`import { ${[...this.cdkImports].sort().join(', ')} } from 'aws-cdk-lib';`);
    }
    if (this.moduleImports.has('lambda')) {
      lines.push('import * as lambda from \'aws-cdk-lib/aws-lambda\';');
    }
    if (this.moduleImports.has('cognito')) {
      lines.push('import * as cognito from \'aws-cdk-lib/aws-cognito\';');
    }
    if (this.moduleImports.has('lex')) {
      lines.push('import { aws_lex as lexRefs } from \'aws-cdk-lib/interfaces\';');
    }
    const names = [...this.libraryImports].sort();
    const line = `import { ${names.join(', ')} } from ${quote(moduleName)};`;
    lines.push(line.length <= LINE_WIDTH ? line : `import {\n${names.map(name => `  ${name},`).join('\n')}\n} from ${quote(moduleName)};`);
    return lines;
  }

  /** The declarations, actions, transitions and the definition. */
  public emit(): string[] {
    this.importFromLibrary('FlowDefinition');
    const emissions = new Map<string, ActionEmission>();
    const creations: string[] = [];
    for (const action of this.actions) {
      this.fallBackReason = undefined;
      let emission = this.emitters.get(action.type)?.(action, this);
      if (emission === undefined) {
        emission = this.rawAction(action);
        this.rawActions.push(`'${action.identifier}' (${action.type})`);
        if (this.fallBackReason !== undefined) {
          creations.push(`// As a RawAction: ${this.fallBackReason}.`);
        }
      }
      emissions.set(action.identifier, emission);
      creations.push(`const ${this.variable(action.identifier)} = ${emission.expression};`, ...emission.statements ?? []);
    }

    const links = this.links(emissions);

    const lines: string[] = [];
    if (this.arns.length > 0) {
      lines.push('// The resources the flow references (see above).');
      lines.push(...this.arns.map(arn => `declare const ${arn.name}: ${arn.typeName};`), '');
    }
    lines.push('// The actions.', ...creations, '');
    if (links.length > 0) {
      lines.push('// How they continue.', ...links, '');
    }
    const start = this.variable(this.flow.startAction);
    const roots = this.unconnected.map(root => this.variable(root.identifier));
    const options = [
      ...(this.designerNextActions ? [] : ['  // The file leaves out NextActions the flow designer writes: each is given with next().', '  designerNextActions: false,']),
      ...(roots.length > 0 ? [`  unreachableActions: [${roots.join(', ')}],`] : []),
    ];
    const definition = options.length === 0
      ? `export const definition = FlowDefinition.start(${start});`
      : `export const definition = FlowDefinition.start(${start}, {\n${options.join('\n')}\n});`;
    lines.push(definition, '');
    return lines;
  }

  public condition(condition: DocumentCondition): string {
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

  /**
   * The statements that link the actions: each run of next actions as one chain (`a.next(b).next(c);`, starting
   * where a run starts), and each action's other branches in as few calls as their return types allow, in the order
   * of the file (conditions and errors each keep their order, which the rendered document keeps).
   */
  private links(emissions: ReadonlyMap<string, ActionEmission>): string[] {
    const chainedNext = new Map<string, string>();
    const branchStatements = new Map<string, string[]>();
    for (const action of this.actions) {
      const { next, statements } = this.link(action, emissions.get(action.identifier)!);
      if (next !== undefined) {
        chainedNext.set(action.identifier, next);
      }
      branchStatements.set(action.identifier, statements);
    }

    // Runs of next actions: a run starts at an action that is not the next action of exactly one other; actions on
    // a cycle of next actions alone start one where the cycle is first met.
    const incoming = new Map<string, number>();
    for (const target of chainedNext.values()) {
      incoming.set(target, (incoming.get(target) ?? 0) + 1);
    }
    const chains = new Map<string, string[]>();
    const consumed = new Set<string>();
    const run = (start: string, always: boolean) => {
      const steps: string[] = [];
      let current: string | undefined = start;
      while (current !== undefined && chainedNext.has(current) && !consumed.has(current) && (always || incoming.get(current) === 1)) {
        consumed.add(current);
        const next: string = chainedNext.get(current)!;
        steps.push(next);
        current = next;
        always = false;
      }
      if (steps.length > 0) {
        chains.set(start, steps);
      }
    };
    for (const action of this.actions) {
      if (incoming.get(action.identifier) !== 1) {
        run(action.identifier, true);
      }
    }
    for (const action of this.actions) {
      run(action.identifier, true);
    }

    const statements: string[] = [];
    for (const action of this.actions) {
      const steps = chains.get(action.identifier);
      if (steps !== undefined) {
        statements.push(this.statement(this.variable(action.identifier), steps.map(step => `.next(${this.variable(step)})`)));
      }
      statements.push(...branchStatements.get(action.identifier)!);
    }
    return statements;
  }

  /**
   * The next action of an action when it is linked in a chain, and the statements that link its other branches:
   * conditions and errors each in the file's order, in one statement while each call can follow the one before.
   */
  private link(action: DocumentAction, emission: ActionEmission): { next?: string; statements: string[] } {
    const self = this.variable(action.identifier);
    let next: string | undefined;
    let nextCall: string | undefined;
    if (action.next !== undefined) {
      const branch: EmitBranch = { kind: 'next', target: this.variable(action.next) };
      const custom = emission.linkBranch?.(branch);
      if (custom === undefined) {
        next = action.next;
      } else {
        // An action that is no open end of a chain (it branches, or ends the flow) is given its NextAction on its own.
        nextCall = custom.call;
      }
    }
    const callsOf = (branches: EmitBranch[]): BranchLink[] => branches
      .map(branch => emission.linkBranch?.(branch) ?? this.genericLink(branch))
      .filter(link => link.call !== undefined);
    const conditions = callsOf(action.conditions.map(condition => ({ kind: 'condition' as const, condition, target: this.variable(condition.target) })));
    const errors = callsOf(action.errors.map(error => ({ kind: 'error' as const, errorType: error.errorType, target: this.variable(error.target) })));

    // Greedy: of the next condition and the next error, the call that can follow and keeps the most methods
    // available (conditions first on a tie); a new statement when neither can follow.
    const statements: string[] = [];
    let calls: string[] = [];
    let current: CallType = 'class';
    while (conditions.length > 0 || errors.length > 0) {
      const candidates = [conditions, errors].filter(queue => queue.length > 0 && CALL_RANK[queue[0].needs] <= CALL_RANK[current]);
      if (candidates.length === 0) {
        statements.push(this.statement(self, calls));
        calls = [];
        current = 'class';
        continue;
      }
      const queue = candidates.reduce((best, candidate) => (CALL_RANK[candidate[0].returns] > CALL_RANK[best[0].returns] ? candidate : best));
      const call = queue.shift()!;
      calls.push(call.call!);
      current = call.returns;
    }
    if (calls.length > 0) {
      statements.push(this.statement(self, calls));
    }
    if (nextCall !== undefined) {
      statements.push(this.statement(self, [nextCall]));
    }
    return { next, statements };
  }

  /** A statement of calls on an action: on one line for one call, else one call per line. */
  private statement(self: string, calls: string[]): string {
    return calls.length === 1 ? `${self}${calls[0]};` : `${self}\n${calls.map(call => `  ${call}`).join('\n')};`;
  }

  /** The generic call of a condition or error branch. */
  private genericLink(branch: EmitBranch): BranchLink {
    if (branch.kind === 'condition') {
      return { call: `.when(${this.condition(branch.condition!)}, ${branch.target})`, needs: 'conditional', returns: 'conditional' };
    }
    if (branch.errorType === NO_MATCHING_CONDITION) {
      return { call: `.otherwise(${branch.target})`, needs: 'conditional', returns: 'conditional' };
    }
    const call = branch.errorType === NO_MATCHING_ERROR
      ? `.onError(${branch.target})`
      : `.onErrorType(${quote(branch.errorType!)}, ${branch.target})`;
    return { call, needs: 'action', returns: 'action' };
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

/** The width up to which an import stays on one line. */
const LINE_WIDTH = 120;

/** How many methods each call type offers: a call can follow one whose return type ranks at least as high as it needs. */
const CALL_RANK: Record<CallType, number> = { chain: -1, action: 0, conditional: 1, class: 2 };

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
  'definition', 'lambda', 'lexRefs', 'cognito',
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
