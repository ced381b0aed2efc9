import type { Page } from "@playwright/test";

/**
 * Every visible placeholder on the page whose contrast against its field's background is under
 * WCAG AA's 4.5:1, as "name: ratio". axe-core does not check placeholders (they are pseudo-elements),
 * so this measures them itself: colours are resolved through a canvas (Tailwind writes oklch()),
 * and the background is the first ancestor's that is not transparent.
 */
export async function lowContrastPlaceholders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    if (!context) throw new Error("No 2D canvas");
    const rgba = (color: string) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data] as [number, number, number, number];
    };
    const luminance = ([r, g, b]: number[]) => {
      const [R, G, B] = [r, g, b].map((value) => {
        const channel = (value ?? 0) / 255;
        return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (R ?? 0) + 0.7152 * (G ?? 0) + 0.0722 * (B ?? 0);
    };
    const backgroundOf = (element: Element | null): number[] => {
      for (let node = element; node; node = node.parentElement) {
        const color = rgba(getComputedStyle(node).backgroundColor);
        if (color[3] > 0) return color;
      }
      return [255, 255, 255, 255];
    };
    const fields = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("[placeholder]")].filter(
      (field) => field.placeholder && field.value === "" && field.getClientRects().length > 0,
    );
    return fields.flatMap((field) => {
      // The placeholder's colour, composited over the field's background when it is translucent.
      const [r, g, b, a] = rgba(getComputedStyle(field, "::placeholder").color);
      const [br, bg, bb] = backgroundOf(field);
      const alpha = a / 255;
      const text = [
        r * alpha + (br ?? 0) * (1 - alpha),
        g * alpha + (bg ?? 0) * (1 - alpha),
        b * alpha + (bb ?? 0) * (1 - alpha),
      ];
      const [lighter, darker] = [luminance(text), luminance([br ?? 0, bg ?? 0, bb ?? 0])].sort((x, y) => y - x);
      const ratio = ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
      const name = field.getAttribute("aria-label") ?? field.id ?? field.placeholder;
      return ratio < 4.5 ? [`${name}: ${ratio.toFixed(2)}:1`] : [];
    });
  });
}
