/**
 * The sender: claims due deliveries, hands each to its channel, and records the attempt —
 * sent, skipped (channel off), or failed and retried with exponential backoff until the attempts
 * run out. Several senders (instances) can run at once: claims never overlap.
 */
import { startPollLoop, type Logger, type PollLoop } from '@hospital/service-kit';
import { DeliverySkipped, UndeliverableMessage, type ChannelName, type ChannelRegistry } from '../channels/notification-channel.ts';
import { describeDeliveryError } from '../channels/redaction.ts';
import type { AttemptResult, ClaimedDelivery, DeliveryRepository } from '../repositories/delivery-repository.ts';
import { afterFailure, type RetryPolicy } from './backoff.ts';

/** Options of the sender. */
export interface DeliverySenderOptions {
  deliveries: DeliveryRepository;
  /** The adapter for each channel. */
  channels: ChannelRegistry;
  /** Channels this instance sends (all by default; NOTIFY_SEND_CHANNELS). */
  sendChannels: readonly ChannelName[];
  retry: RetryPolicy;
  /** Deliveries claimed per round. */
  batchSize: number;
  /** How long a claim keeps other senders away, in ms; longer than any channel's timeout. */
  leaseMs: number;
  logger: Logger;
}

/** Sends due deliveries. */
export class DeliverySender {
  /** @param options - storage, channels, retry policy, batch and lease */
  constructor(private readonly options: DeliverySenderOptions) {}

  /**
   * One round: claim a batch and attempt each delivery.
   * @returns how many were claimed
   */
  async sendDue(): Promise<number> {
    const { deliveries, batchSize, leaseMs, sendChannels } = this.options;
    const claimed = await deliveries.claimDue({ limit: batchSize, channels: sendChannels, leaseMs });
    await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    return claimed.length;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const result = await this.outcomeOf(delivery);
    const current = await this.options.deliveries.recordAttempt(delivery, result);
    const retryInMs = result.outcome === 'failed' ? result.retryInMs : undefined;
    // Ids, channel and outcome only: never the address or the text.
    this.options.logger.info(
      { deliveryId: delivery.deliveryId, channel: delivery.channel, attempt: delivery.attempt, outcome: result.outcome, retryInMs, stale: !current },
      'delivery attempt',
    );
  }

  private async outcomeOf(delivery: ClaimedDelivery): Promise<AttemptResult> {
    const { retry } = this.options;
    // A sender that died on the last attempt leaves a claim past the limit: give up, don't send.
    if (delivery.attempt > retry.maxAttempts) return { outcome: 'failed', error: 'attempts exhausted', retryInMs: null };
    try {
      await this.options.channels[delivery.channel].send(delivery);
      return { outcome: 'sent' };
    } catch (error) {
      if (error instanceof DeliverySkipped) return { outcome: 'skipped', error: error.message };
      const text = describeDeliveryError(error);
      if (error instanceof UndeliverableMessage) return { outcome: 'failed', error: text, retryInMs: null };
      const decision = afterFailure(delivery.attempt, retry);
      return { outcome: 'failed', error: text, retryInMs: decision.retry ? decision.delayMs : null };
    }
  }
}

/**
 * Starts the sender loop.
 * @param sender - the sender
 * @param options - poll interval, backoff cap, logger
 */
export function startDeliverySender(sender: DeliverySender, options: { pollIntervalMs: number; maxErrorBackoffMs: number; batchSize: number; logger: Logger }): PollLoop {
  return startPollLoop({
    name: 'delivery-sender',
    tick: async () => (await sender.sendDue()) >= options.batchSize,
    idleMs: options.pollIntervalMs,
    maxErrorBackoffMs: options.maxErrorBackoffMs,
    logger: options.logger,
  });
}
