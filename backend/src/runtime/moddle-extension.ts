import fs from 'node:fs';
import path from 'node:path';
import { findRepositoryRoot } from '../platform/config/config';

/** The moddle descriptor of Stageflow's BPMN extension, shared with the bpmn-js editor. */
export const stageflowDescriptor: Record<string, unknown> = JSON.parse(
  fs.readFileSync(path.join(findRepositoryRoot(), 'processes', 'stageflow-moddle.json'), 'utf8'),
) as Record<string, unknown>;

/** Options for bpmn-moddle and bpmn-engine so both read the `sf:` attributes. */
export const moddleOptions = { sf: stageflowDescriptor };

/** XML namespace of the extension. */
export const STAGEFLOW_NAMESPACE = 'http://stageflow.org/schema/bpmn/1.0';
