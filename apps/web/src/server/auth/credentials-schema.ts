import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address, like name@company.com." }));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "Enter your password." }),
});

/** The strength rules for a password someone chooses (sign-up, change password). */
export const newPasswordSchema = z
  .string()
  .min(10, { message: "Use at least 10 characters for your password." })
  .max(200, { message: "Keep your password under 200 characters." });

export const signUpSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: "Enter your name." })
    .max(100, { message: "Keep your name under 100 characters." }),
  email: emailSchema,
  password: newPasswordSchema,
});

export type SignUpInput = z.infer<typeof signUpSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, { message: "Enter your current password." }),
  newPassword: newPasswordSchema,
});
