import type { Metadata } from "next";
import { UserText } from "@/app/_components/user-text";
import { requireSessionUser } from "@/lib/server/auth/session";
import { MAX_LIVE_API_TOKENS } from "@/lib/server/services/api-tokens/create-api-token";
import { findApiTokens } from "@/lib/server/services/api-tokens/find-api-tokens";
import { formatDate } from "@/lib/format";
import { CreateApiTokenForm, RevokeApiTokenButton } from "./api-token-forms";
import { ChangePasswordForm } from "./change-password-form";
import styles from "./profile.module.css";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requireSessionUser("/profile");
  const tokens = await findApiTokens(user);
  return (
    <div className="page page--narrow">
      <div className="page-header">
        <div>
          <h1>Profile</h1>
          <p>Your account and the tokens scripts use to act as you.</p>
        </div>
      </div>
      <section className="card" aria-labelledby="account">
        <h2 id="account">Account</h2>
        <dl className={styles.account}>
          <dt>Name</dt>
          <dd><UserText>{user.name}</UserText></dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="change-password">
        <h2 id="change-password">Change password</h2>
        <p>Changing your password signs you out on every other device.</p>
        <ChangePasswordForm email={user.email} />
      </section>
      <section className="card" aria-labelledby="api-tokens">
        <h2 id="api-tokens">API tokens</h2>
        <p>
          A personal API token lets a script use the JSON API as you, with the header <code>Authorization: Bearer &lt;token&gt;</code>.
          It can do whatever you can do in your workspaces: keep it secret, and revoke it when it is no longer needed. You can
          have up to {MAX_LIVE_API_TOKENS} active tokens.
        </p>
        <CreateApiTokenForm />
        {tokens.length === 0 ? (
          <p className={`meta ${styles.tokens}`}>You have no API tokens yet.</p>
        ) : (
          <table className={`table ${styles.tokens}`}>
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} className={token.revokedAt ? styles.revoked : undefined}>
                  <th scope="row"><UserText>{token.name}</UserText></th>
                  <td>{formatDate(token.createdAt)}</td>
                  <td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : "Never"}</td>
                  <td>{token.revokedAt ? `Revoked ${formatDate(token.revokedAt)}` : <span className="badge badge--accent">Active</span>}</td>
                  <td>{token.revokedAt ? null : <RevokeApiTokenButton tokenId={token.id} tokenName={token.name} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
