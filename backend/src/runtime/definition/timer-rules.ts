import type { ModdleElement } from 'bpmn-moddle';
import { describeElement, nearestId, problem, type DefinitionProblem } from './definition-problem';
import { eventDefinitionsOf } from './event-rules';
import { containsExpression, isIsoCycle, isIsoDate, isIsoDuration } from './iso8601';
import { readAttribute } from './task-spec';

const TIMER_EVENTS = new Set(['bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent']);

type TimerField = 'timeDuration' | 'timeDate' | 'timeCycle';

const TIMER_FIELDS: Record<TimerField, { isValid: (value: string) => boolean; example: string }> = {
  timeDuration: { isValid: isIsoDuration, example: 'an ISO 8601 duration such as P3D or PT1H' },
  timeDate: { isValid: isIsoDate, example: 'an ISO 8601 date or date-time such as 2027-02-01' },
  timeCycle: { isValid: isIsoCycle, example: 'an ISO 8601 repeating interval such as R3/PT10M' },
};

/**
 * Checks every timer event definition and every user task's sf:dueDate: literals must be valid
 * ISO 8601, and `${...}` expressions are accepted as they are only resolved at run time.
 */
export function checkTimers(flowElements: ModdleElement[]): DefinitionProblem[] {
  return flowElements.flatMap((element) => {
    if (element.$type === 'bpmn:UserTask') return checkDueDate(element);
    // Timers on start events are rejected with the event, so only these are checked.
    if (!TIMER_EVENTS.has(element.$type)) return [];

    return eventDefinitionsOf(element)
      .filter((definition) => definition.$type === 'bpmn:TimerEventDefinition')
      .flatMap((definition) => checkTimerDefinition(element, definition));
  });
}

// helpers

function checkTimerDefinition(event: ModdleElement, timer: ModdleElement): DefinitionProblem[] {
  const fields = (Object.keys(TIMER_FIELDS) as TimerField[]).filter(
    (field) => timer[field] != null,
  );
  const subject = `The timer of ${describeElement(event)}`;

  if (fields.length !== 1) {
    const found = fields.length === 0 ? 'none' : fields.join(' and ');
    const expected = 'exactly one of timeDuration, timeDate or timeCycle';
    const message = `${subject} needs ${expected}, found ${found}.`;
    return [problem('invalid-timer', nearestId(event), message)];
  }

  const message = checkTimerValue(fields[0], timer[fields[0]] as ModdleElement);
  return message == null
    ? []
    : [problem('invalid-timer', nearestId(event), `${subject} ${message}`)];
}

function checkTimerValue(field: TimerField, expression: ModdleElement): string | null {
  const value = typeof expression.body === 'string' ? expression.body.trim() : '';
  const { isValid, example } = TIMER_FIELDS[field];

  if (typeof expression.language === 'string') {
    return (
      `declares language '${expression.language}' on its ${field}. Remove it: timers take ` +
      `${example}, or a \${...} expression.`
    );
  }
  if (value === '') {
    return `has an empty ${field}. Set it to ${example}, or a \${...} expression.`;
  }
  if (containsExpression(value) || isValid(value)) return null;

  const fix = 'Correct it, or use a ${...} expression.';
  return `has ${field} '${value}', which is not ${example}. ${fix}`;
}

function checkDueDate(task: ModdleElement): DefinitionProblem[] {
  const dueDate = readAttribute(task, 'dueDate');
  if (dueDate == null || containsExpression(dueDate) || isIsoDuration(dueDate)) return [];

  return [
    problem(
      'invalid-timer',
      nearestId(task),
      `${describeElement(task)} has sf:dueDate '${dueDate}', which is neither an ISO 8601 ` +
        'duration (such as P5D) nor a ${...} expression. Correct it or remove it.',
    ),
  ];
}
