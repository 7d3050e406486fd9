// Package norefresh defines the norefresh rule: credentials providers of
// the user's own that break the SDK's refresh.
//
// # Analyzer norefresh
//
// norefresh: report credential providers of one's own that hide the expiry from the SDK or refresh with a context that has ended
//
// The SDKs fetch credentials again only when the provider says they
// expire (docs/sdk-behaviour.md: providers). aws-sdk-go-v2 wraps every
// provider given to config.WithCredentialsProvider in an
// aws.CredentialsCache, which returns its cached value while
// Credentials.Expired() is false, and that is always false when CanExpire
// is false. An adapter that copies the keys into a fresh aws.Credentials
// and drops CanExpire and Expires has its first task-role session cached
// forever: hours after start every call fails with ExpiredToken.
//
//	func (p *adapter) Retrieve(ctx context.Context) (aws.Credentials, error) {
//		c, err := p.src.Retrieve(ctx)
//		return aws.Credentials{AccessKeyID: c.AccessKeyID, SecretAccessKey: c.SecretAccessKey,
//			SessionToken: c.SessionToken}, err // reported: CanExpire and Expires are dropped
//	}
//
//	func (p *provider) IsExpired() bool { return false } // reported: its Retrieve returns a session token
//
//	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
//	defer cancel()
//	p := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
//		out, err := client.AssumeRole(ctx, in) // reported: ctx is cancelled once the builder returns
//		...
//	})
//
// Reported, in a provider of the user's own (a method Retrieve(ctx)
// (aws.Credentials, error), a function converted to
// aws.CredentialsProviderFunc, or a v1 or minio credentials.Provider):
//
//   - at the aws.Credentials literal a v2 provider returns when it carries
//     a session token (any value but the constant "") and no CanExpire, or
//     CanExpire: false. Quiet when the expiry travels: the source value is
//     returned (c.Source = "x"; return c, nil), or CanExpire and Expires
//     are set (CanExpire: c.CanExpire, Expires: c.Expires); quiet for
//     long-term keys without a session token.
//   - at the constant of an IsExpired that always returns false, when the
//     type's Retrieve returns a credentials.Value with a session token:
//     minio-go never asks again; aws-sdk-go asks again only after a
//     request fails with ExpiredToken and is retried. Quiet when the type
//     embeds credentials.Expiry (and calls SetExpiration) or computes its
//     IsExpired.
//   - at the first call in a provider that passes a context captured from
//     the function that built it (a variable of that function, or a field
//     of the provider's type) instead of the provider's own ctx, when that
//     context is cancelled by a deferred cancel() or has a deadline
//     (context.WithTimeout, WithDeadline): the first Retrieve works, every
//     refresh fails.
//
// The message says where the token comes from (another provider's
// Retrieve, an STS output, anything else by its expression). Fixes: copy
// CanExpire and Expires from the source aws.Credentials value; set them
// from an STS output's Credentials.Expiration; use the ctx parameter.
package norefresh
