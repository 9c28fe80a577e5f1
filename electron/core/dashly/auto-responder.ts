import type { AutoReplyConfig } from '../../../shared/model/autoreply.js';
import type { CaptureSummary } from '../../../shared/model/capture.js';
import type { Message } from '../../../shared/model/message.js';
import { ApiError } from '../api/api-error.js';
import type { Log } from '../log.js';
import { isUserPart } from '../providers/dashly/conversation-part.js';
import { isReplayMarked } from '../replay/replay-marker.js';
import { checkWebhookToken } from '../providers/dashly/webhook-token.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { Store } from '../store/store.js';
import { compileRules, findMatchingRule, RuleValidationError, type CompiledRule } from './autoreply-rules.js';
import type { DashlyOperator } from './dashly-operator.js';

/**
 * Why a message is answered (or not), in order. Loop safety rests on the first checks: only a
 * part a user wrote can trigger a reply — never an operator's, a bot's, a note, a system part, or
 * the echo of anything the app sent — and at most one auto-reply per conversation per cooldown.
 */
export function isAutoReplyCandidate(message: Message): boolean {
  return (
    message.provider === 'dashly' &&
    message.captureId !== null &&
    message.status === undefined &&
    message.echoOf === undefined &&
    message.direction === 'to_operator' &&
    message.author.kind === 'user' &&
    isUserPart(message.kind) &&
    message.meta.system !== true
  );
}

/**
 * The dictionary bot of Dashly's help page, done safely: rules phrase → answer, applied to
 * incoming user messages, answered through the operator's reply path (random_id, recorded,
 * delivered via the echo) and marked automatic on the thread.
 */
export class AutoResponder {
  private config: AutoReplyConfig;
  private rules: CompiledRule[];
  private warnedUnconfigured = false;

  constructor(
    private readonly deps: {
      store: Store;
      settings: SettingsService;
      operator: DashlyOperator;
      log: Log;
      now?: () => number;
    },
  ) {
    this.config = deps.store.autoreplies.get();
    try {
      this.rules = compileRules(this.config.rules);
    } catch {
      // Rules saved by a build with other validation: keep them, but do not run them.
      this.rules = [];
      this.config = { ...this.config, enabled: false };
    }
  }

  current(): AutoReplyConfig {
    return this.config;
  }

  /** Validates (every regex compiled and checked) and then replaces the configuration. */
  save(config: AutoReplyConfig): AutoReplyConfig {
    let rules: CompiledRule[];
    try {
      rules = compileRules(config.rules);
    } catch (error) {
      if (error instanceof RuleValidationError) {
        throw new ApiError('bad_request', error.message, { ruleIndex: error.ruleIndex });
      }
      throw error;
    }
    this.deps.store.autoreplies.put(config);
    this.config = config;
    this.rules = rules;
    return config;
  }

  /** Called for every message of a newly stored capture; answers it when a rule says so. */
  consider(capture: CaptureSummary, message: Message): void {
    if (!this.config.enabled || this.rules.length === 0) return;
    if (!isAutoReplyCandidate(message)) return;
    const key = message.conversationKey;

    // A replay (or composed request) sent to the listener is a test: it must never make the app
    // write to a real customer's chat.
    const request = this.deps.store.captures.requestSource(capture.id);
    if (!request) return;
    if (isReplayMarked(request.headers)) {
      this.deps.log(`Auto-reply skipped for capture ${capture.id}: it is a replay.`);
      return;
    }

    // With a webhook token configured, a request that does not carry it cannot make the app talk.
    const expected = this.deps.settings.secret('dashly.webhookToken');
    if (expected) {
      const raw = this.deps.store.captures.rawRequest(capture.id);
      if (!raw || checkWebhookToken(raw.body, expected) !== 'ok') {
        this.deps.log(`Auto-reply skipped for capture ${capture.id}: webhook token is not ok.`);
        return;
      }
    }

    const pathname = capture.path.split('?')[0] ?? capture.path;
    const rule = findMatchingRule(this.rules, message.text, pathname);
    if (!rule) return;

    const now = (this.deps.now ?? Date.now)();
    const last = this.deps.store.messages.lastAutomaticAt('dashly', key);
    if (last !== null && now - last < this.config.cooldownSeconds * 1000) {
      this.deps.log(`Auto-reply skipped in conversation ${key}: cooldown.`);
      return;
    }
    if (!this.deps.operator.isConfigured()) {
      if (!this.warnedUnconfigured) this.deps.log('Auto-reply skipped: no Dashly API token is set.');
      this.warnedUnconfigured = true;
      return;
    }
    this.warnedUnconfigured = false;

    // reply() stores the automatic message synchronously, so the cooldown holds for the next message.
    try {
      void this.deps.operator
        .reply({
          conversationId: key,
          body: rule.rule.answer,
          type: 'reply_admin',
          automatic: { rule: rule.index },
        })
        .catch((error: unknown) =>
          this.deps.log(
            `Auto-reply in conversation ${key} failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    } catch (error) {
      this.deps.log(
        `Auto-reply in conversation ${key} not sent: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
