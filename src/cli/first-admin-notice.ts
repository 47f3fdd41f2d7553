// How the first start hands over the administrator's one-time password. Standard error of a
// service goes to the journal (systemd), which others may read and which is kept: there the
// password would outlive its purpose. On a terminal it is printed; otherwise it goes to a
// file only the service user can read, and the log names the file, never the password.
import fs from "node:fs";
import path from "node:path";

export const FIRST_ADMIN_PASSWORD_FILE = "first-admin-password";

export function announceFirstAdmin(
  admin: { username: string; password: string },
  stateDir: string,
  out: { isTTY?: boolean; write(text: string): unknown } = process.stderr,
): void {
  if (out.isTTY) {
    out.write(
      `first start: created the administrator "${admin.username}" with the password ${admin.password}\n` +
        "  sign in at /staff/ and change it (パスワード変更); it is not shown again.\n",
    );
    return;
  }
  const file = path.join(stateDir, FIRST_ADMIN_PASSWORD_FILE);
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  // Never through a link someone left in its place; 0600 whatever the umask.
  fs.rmSync(file, { force: true });
  const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants;
  const fd = fs.openSync(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
  try {
    fs.fchmodSync(fd, 0o600);
    fs.writeSync(fd, `user name: ${admin.username}\npassword: ${admin.password}\n`);
  } finally {
    fs.closeSync(fd);
  }
  out.write(
    `first start: created the administrator "${admin.username}"; its one-time password is in ` +
      `${file} (readable only by this user).\n` +
      "  sign in at /staff/, change the password (パスワード変更) and delete the file.\n",
  );
}
