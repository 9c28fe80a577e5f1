import { dictionaryRules } from '../../../../shared/responders/dictionary-preset.js';
import { ruleProblems } from '../../../../shared/responders/rule-validation.js';
import type { EndpointService } from '../../responders/endpoint-service.js';
import { renderResponse } from '../../responders/render-response.js';
import { buildRequestView } from '../../responders/request-view.js';
import { compileRule, evaluateRule } from '../../responders/rule-matcher.js';
import type { Store } from '../../store/store.js';
import { ApiError, notFound } from '../api-error.js';
import type { HandlerGroup } from '../handler-types.js';

export function endpointHandlers(deps: {
  endpoints: EndpointService;
  store: Store;
}): HandlerGroup<
  'endpoints.list' | 'endpoints.save' | 'endpoints.delete' | 'endpoints.testRule' | 'endpoints.presetRules'
> {
  const { endpoints, store } = deps;
  return {
    'endpoints.list': () => endpoints.list(),
    'endpoints.save': (params) => endpoints.save(params),
    'endpoints.delete': ({ prefix }) => endpoints.delete(prefix),
    'endpoints.testRule': ({ rule, captureId }) => {
      const problems = ruleProblems(rule, 'rule');
      if (problems.length > 0)
        throw new ApiError(
          'bad_request',
          problems.map((problem) => `${problem.path}: ${problem.message}`).join(' '),
          { problems },
        );
      const capture = store.captures.get(captureId);
      if (!capture) throw notFound(`Capture ${captureId}`);
      const view = buildRequestView({
        method: capture.method,
        path: capture.path,
        headers: capture.headers,
        body: Buffer.from(capture.body.base64, 'base64'),
        provider: capture.provider,
        conversationKey: capture.conversationKey,
        messages: capture.messages,
      });
      const conditions = evaluateRule(compileRule(rule, 0), view);
      let response = null;
      let error: string | null = null;
      try {
        const plan = renderResponse(rule.response, 'mock', view.scope, 0);
        response = {
          status: plan.status,
          headers: plan.headers,
          body: { base64: plan.body.toString('base64'), size: plan.body.length, truncated: false },
          delayMs: rule.response.delayMs ?? 0,
        };
      } catch (renderError) {
        error = renderError instanceof Error ? renderError.message : String(renderError);
      }
      return {
        matched: conditions.every((condition) => condition.matched),
        conditions,
        response,
        error,
      };
    },
    'endpoints.presetRules': ({ entries, format }) => ({ rules: dictionaryRules(entries, format) }),
  };
}
