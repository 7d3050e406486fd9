// Package chain mirrors hashicorp/go-secure-stdlib awsutil: a v1
// credential chain built with append, static keys first when configured,
// then environment and shared file, then the ECS / EC2 role.
package chain

import (
	"log"
	"os"

	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/defaults"
	"github.com/aws/aws-sdk-go/aws/session"
)

// CredentialsConfig configures the chain.
type CredentialsConfig struct {
	AccessKey    string
	SecretKey    string
	SessionToken string
	RoleARN      string
}

// GenerateCredentialChain builds the chain.
func (c *CredentialsConfig) GenerateCredentialChain(withEnv bool) (*credentials.Credentials, error) {
	var providers []credentials.Provider
	if c.AccessKey != "" && c.SecretKey != "" {
		providers = append(providers, &credentials.StaticProvider{ // want `staticcreds: credentials\.StaticProvider builds static keys from config \(c\.AccessKey, c\.SecretKey, …\)`
			Value: credentials.Value{
				AccessKeyID:     c.AccessKey,
				SecretAccessKey: c.SecretKey,
				SessionToken:    c.SessionToken,
			},
		})
	}
	if withEnv {
		providers = append(providers, &credentials.EnvProvider{}) // quiet: the chain ends in the remote provider
	}
	providers = append(providers, &credentials.SharedCredentialsProvider{Profile: os.Getenv("AWS_PROFILE")})

	roleARN := c.RoleARN
	if roleARN == "" {
		roleARN = os.Getenv("AWS_ROLE_ARN")
	}
	if roleARN != "" {
		sess, err := session.NewSession()
		if err != nil {
			return nil, err
		}
		webIdentity := stscreds.NewWebIdentityRoleProvider(nil, roleARN, "", os.Getenv("AWS_WEB_IDENTITY_TOKEN_FILE"))
		// A validity probe: not a snapshot.
		if _, err := webIdentity.Retrieve(); err != nil {
			log.Printf("web identity: %v", err)
		} else {
			providers = append(providers, webIdentity)
		}
		assumed := stscreds.NewCredentials(sess, roleARN)
		creds, err := assumed.Get() // quiet: the snapshot itself
		if err != nil {
			log.Printf("assume role: %v", err)
		} else {
			providers = append(providers, &credentials.StaticProvider{ // want `staticcreds: credentials\.StaticProvider\{\.\.\.\} freezes a snapshot \(assumed\.Get\(\) at src/staticcreds/chain/chain\.go:\d+\)`
				Value: creds,
			})
		}
	}

	def := defaults.Get()
	providers = append(providers, defaults.RemoteCredProvider(*def.Config, def.Handlers))
	return credentials.NewChainCredentials(providers), nil
}
