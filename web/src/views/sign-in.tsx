import { useState } from 'react';

export function SignIn({ onToken, error }: { onToken: (token: string) => void; error: string | undefined }) {
  const [token, setToken] = useState('');
  return (
    <main id="content" style={{ maxWidth: 480, margin: '10vh auto' }}>
      <h1>Stepwise</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (token.trim()) onToken(token.trim());
        }}
      >
        <p>
          <label htmlFor="token">API token</label>
          <br />
          <input id="token" type="password" autoComplete="off" value={token} onChange={(event) => setToken(event.target.value)} style={{ width: '100%' }} />
        </p>
        <p className="muted">The token stays in this browser tab's session. A token with only the read scope gives a read-only dashboard.</p>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button className="primary" type="submit">
          Sign in
        </button>
      </form>
    </main>
  );
}
