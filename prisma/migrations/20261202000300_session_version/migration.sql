-- Every session (JWT) carries the user's session version from when it was issued. Raising the
-- number ("sign out everywhere", a password change) signs out every earlier session.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
