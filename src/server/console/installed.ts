/**
 * The console's Python, loaded at once: for Node entry points (the replay, msw/node), where
 * nothing waits for a download and a first request must find the views ready.
 */
import * as views from './evaluator';
import { installConsole } from './views';

installConsole(views);
