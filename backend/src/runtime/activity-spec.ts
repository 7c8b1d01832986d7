/** A field of a user task's form, from `<sf:formField>`. */
export interface FormField {
  name: string;
  type: 'string' | 'text' | 'number' | 'boolean' | 'date' | 'enum';
  required: boolean;
  options: string[];
  label: string | null;
  /** Bounds of a number field, inclusive; null when the definition sets none. */
  min: number | null;
  max: number | null;
}

/** The `sf:` attributes of a user task that decide who does it, when and with which form. */
export interface UserTaskSpec {
  name: string;
  phase: string | null;
  candidateRole: string;
  scope: string | null;
  dueDate: string | null;
  form: FormField[];
}

/** The serialized element bpmn-engine keeps as `activity.behaviour`. */
export interface ActivityBehaviour {
  $type: string;
  id: string;
  name?: string;
  phase?: string;
  candidateRole?: string;
  scope?: string;
  dueDate?: string;
  plugin?: string;
  stageStatus?: string;
  extensionElements?: { values?: { $type: string; fields?: RawFormField[] }[] };
}

interface RawFormField {
  name?: string;
  type?: string;
  required?: boolean;
  options?: string;
  label?: string;
  min?: number;
  max?: number;
}

/** Reads the task spec off a user task's behaviour; deploy validation guarantees the parts. */
export function readUserTaskSpec(behaviour: ActivityBehaviour): UserTaskSpec {
  return {
    name: behaviour.name ?? behaviour.id,
    phase: behaviour.phase ?? null,
    candidateRole: behaviour.candidateRole ?? '',
    scope: behaviour.scope ?? null,
    dueDate: behaviour.dueDate ?? null,
    form: readFormFields(behaviour),
  };
}

function readFormFields(behaviour: ActivityBehaviour): FormField[] {
  const forms = behaviour.extensionElements?.values?.filter((value) => value.$type === 'sf:Form');
  const fields = forms?.flatMap((form) => form.fields ?? []) ?? [];

  return fields.map((field) => ({
    name: field.name ?? '',
    type: (field.type ?? 'string') as FormField['type'],
    required: field.required === true,
    options: field.options ? field.options.split(',').map((option) => option.trim()) : [],
    label: field.label ?? null,
    min: typeof field.min === 'number' ? field.min : null,
    max: typeof field.max === 'number' ? field.max : null,
  }));
}
