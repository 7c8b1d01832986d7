import type { ModdleElement } from 'bpmn-moddle';
import { defaultScopeFor, isCandidateRole } from './candidate-roles';

/** The types a form field can declare in `sf:formField type="…"`. */
export const FORM_FIELD_TYPES = ['string', 'text', 'number', 'boolean', 'date', 'enum'] as const;

/** One of {@link FORM_FIELD_TYPES}. */
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** The phases a stage goes through, as `sf:phase` names them. */
export const STAGE_PHASES = [
  'request',
  'acceptance',
  'preparation',
  'execution',
  'validation',
  'evaluation',
  'recruitment',
  'closed',
] as const;

/** The statuses an end event can give the stage through `sf:stageStatus`. */
export const STAGE_OUTCOMES = ['completed', 'refused', 'cancelled'] as const;

/**
 * A field of a user task's form, read from `sf:formField`. Text attributes read as '' when they
 * are missing; validateDefinition rejects such definitions, so in a deployed definition `name`
 * is set and `type` is one of {@link FORM_FIELD_TYPES}.
 */
export interface FormField {
  name: string;
  type: string;
  required: boolean;
  /** Values an enum field accepts, from the comma-separated `options` attribute. */
  options: string[];
  label: string | null;
}

/** Stageflow settings of a user task: who may claim it, by when, and its form. */
export interface UserTaskSpec {
  candidateRole: string | null;
  /** The declared `sf:scope`, else the candidate role's default, else null. */
  scope: string | null;
  /** An ISO 8601 duration from the task's creation, or a `${...}` expression. */
  dueDate: string | null;
  phase: string | null;
  form: FormField[];
}

/** Stageflow settings of a service task. */
export interface ServiceTaskSpec {
  plugin: string | null;
  phase: string | null;
}

/** Whether `value` is one of {@link FORM_FIELD_TYPES}. */
export function isFormFieldType(value: string): value is FormFieldType {
  return (FORM_FIELD_TYPES as readonly string[]).includes(value);
}

/** Returns the string property `name` of a moddle element, or null when it is missing or blank. */
export function readAttribute(element: ModdleElement, name: string): string | null {
  const value = element[name];
  if (typeof value !== 'string') return null;

  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Returns the `sf:phase` of a flow node, or null. */
export function readPhase(element: ModdleElement): string | null {
  return readAttribute(element, 'phase');
}

/** Returns the `sf:stageStatus` of an end event, or null. */
export function readStageStatus(element: ModdleElement): string | null {
  return readAttribute(element, 'stageStatus');
}

/** Reads the Stageflow attributes and form of a bpmn:UserTask. */
export function readUserTaskSpec(element: ModdleElement): UserTaskSpec {
  const candidateRole = readAttribute(element, 'candidateRole');
  const declaredScope = readAttribute(element, 'scope');
  const defaultScope =
    candidateRole != null && isCandidateRole(candidateRole) ? defaultScopeFor(candidateRole) : null;

  return {
    candidateRole,
    scope: declaredScope ?? defaultScope,
    dueDate: readAttribute(element, 'dueDate'),
    phase: readPhase(element),
    form: readFormFields(element),
  };
}

/** Reads the Stageflow attributes of a bpmn:ServiceTask. */
export function readServiceTaskSpec(element: ModdleElement): ServiceTaskSpec {
  return { plugin: readAttribute(element, 'plugin'), phase: readPhase(element) };
}

/** Reads the fields of every `sf:form` in the element's extension elements, in document order. */
export function readFormFields(element: ModdleElement): FormField[] {
  return readExtensions(element, 'sf:Form').flatMap((form) => {
    const fields = Array.isArray(form.fields) ? (form.fields as ModdleElement[]) : [];
    return fields.map(toFormField);
  });
}

/** Returns the extension elements of `element` whose moddle type is `type`. */
export function readExtensions(element: ModdleElement, type: string): ModdleElement[] {
  return readAllExtensions(element).filter((extension) => extension.$type === type);
}

/** Returns every extension element of `element`, whatever its namespace. */
export function readAllExtensions(element: ModdleElement): ModdleElement[] {
  const container = element.extensionElements as ModdleElement | undefined;
  const values = container?.values;
  return Array.isArray(values) ? (values as ModdleElement[]) : [];
}

// helpers

function toFormField(field: ModdleElement): FormField {
  return {
    name: readAttribute(field, 'name') ?? '',
    type: readAttribute(field, 'type') ?? '',
    required: field.required === true,
    options: splitOptions(readAttribute(field, 'options')),
    label: readAttribute(field, 'label'),
  };
}

// Empty entries among others, as in "a,,b", are kept so validation can reject them.
function splitOptions(options: string | null): string[] {
  const entries = (options ?? '').split(',').map((option) => option.trim());
  return entries.every((option) => option === '') ? [] : entries;
}
