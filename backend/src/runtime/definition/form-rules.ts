import type { ModdleElement } from 'bpmn-moddle';
import { describeElement, nearestId, problem, type DefinitionProblem } from './definition-problem';
import { FORM_FIELD_TYPES, isFormFieldType, type FormField } from './task-spec';

// Field values land in environment.output.<task>.<name>, which conditions read as a path, so a
// name must be a plain identifier and must not reach the prototype chain.
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FORBIDDEN_NAMES = new Set(['__proto__', 'prototype', 'constructor']);

/** Checks the form fields of a user task: names, types and enum options. */
export function checkFormFields(task: ModdleElement, fields: FormField[]): DefinitionProblem[] {
  const seen = new Set<string>();
  const problems: string[] = [];

  fields.forEach((field, index) => {
    problems.push(...checkName(field, index, seen), ...checkType(field), ...checkOptions(field));
    seen.add(field.name);
  });

  return problems.map((message) =>
    problem('invalid-form-field', nearestId(task), `${describeElement(task)}: ${message}`),
  );
}

// helpers

function checkName(field: FormField, index: number, seen: Set<string>): string[] {
  const { name } = field;

  if (name === '') return [`form field ${index + 1} has no name. Add a name attribute.`];
  if (seen.has(name)) return [`form field '${name}' is declared twice. Rename or remove one.`];
  if (!FIELD_NAME.test(name) || FORBIDDEN_NAMES.has(name)) {
    return [
      `form field name '${name}' is invalid. Use letters, digits and underscores, starting with ` +
        'a letter, and none of __proto__, prototype or constructor.',
    ];
  }
  return [];
}

function checkType(field: FormField): string[] {
  const types = FORM_FIELD_TYPES.join(', ');
  const label = fieldLabel(field);

  if (field.type === '') return [`${label} has no type. Set type to one of: ${types}.`];
  if (!isFormFieldType(field.type)) {
    return [`${label} has type '${field.type}', which is not supported. Use one of: ${types}.`];
  }
  return [];
}

function checkOptions(field: FormField): string[] {
  if (field.type !== 'enum') return [];

  const label = fieldLabel(field);
  if (field.options.length === 0) {
    return [`enum ${label} has no options. List its values in options, separated by commas.`];
  }

  if (field.options.includes('')) {
    return [`enum ${label} lists an empty option. Remove the extra comma from options.`];
  }

  const duplicates = field.options.filter(
    (option, index) => field.options.indexOf(option) !== index,
  );
  if (duplicates.length > 0) {
    return [`enum ${label} lists option '${duplicates[0]}' twice. List each value once.`];
  }
  return [];
}

function fieldLabel(field: FormField): string {
  return field.name === '' ? 'a form field' : `form field '${field.name}'`;
}
