import { z } from "zod";

// Delivery faults a test asks for, so a receiver's handling of Xero's redeliveries and
// out-of-order batches can be checked without waiting for them to happen.

export const webhookFaultsSchema = z.object({
  /** Deliver each of the next N batches twice, byte for byte (as when a receiver's 200 is lost). */
  duplicateNext: z.number().int().min(0).max(100).optional(),
  /** Deliver the next two batches in reverse order: the first waits until the second has gone. */
  reorderNext: z.boolean().optional(),
});

export type WebhookFaultsInput = z.infer<typeof webhookFaultsSchema>;

export class WebhookFaults {
  private duplicates = 0;
  private reorder = false;

  set(input: WebhookFaultsInput): void {
    if (input.duplicateNext !== undefined) this.duplicates = input.duplicateNext;
    if (input.reorderNext !== undefined) this.reorder = input.reorderNext;
  }

  clear(): void {
    this.set({ duplicateNext: 0, reorderNext: false });
  }

  current(): { duplicateNext: number; reorderNext: boolean } {
    return { duplicateNext: this.duplicates, reorderNext: this.reorder };
  }

  /** Whether the batch being sent now goes out twice. */
  takeDuplicate(): boolean {
    if (this.duplicates === 0) return false;
    this.duplicates--;
    return true;
  }

  /** Whether the batch formed now waits for the next one. */
  takeReorder(): boolean {
    const reorder = this.reorder;
    this.reorder = false;
    return reorder;
  }
}
