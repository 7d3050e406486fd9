// Package handoff hands AWS keys to another process or container: a child
// process's exec.Cmd.Env, an ECS task's container overrides or task
// definition. Environment keys win over the task role in the SDKs'
// default chains and never refresh. Region, profile, role ARN and an
// unchanged os.Environ() are fine.
package handoff

import (
	"context"
	"fmt"
	"os"
	"os/exec"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ecsv1 "github.com/aws/aws-sdk-go/service/ecs"
)

// Options are operator settings.
type Options struct {
	AccessKey string
	SecretKey string
}

// runTool passes a snapshot of the parent's credentials to a CLI.
func runTool(ctx context.Context, cfg aws.Config) error {
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, "aws", "s3", "sync", ".", "s3://bucket")
	cmd.Env = append(os.Environ(),
		"AWS_ACCESS_KEY_ID="+creds.AccessKeyID,                         // want `staticcreds: AWS_ACCESS_KEY_ID=… in a child's env: keys from a snapshot \(cfg\.Credentials\.Retrieve\(ctx\) at src/staticcreds/handoff/handoff\.go:\d+\)`
		fmt.Sprintf("AWS_SECRET_ACCESS_KEY=%s", creds.SecretAccessKey), // related
		"AWS_SESSION_TOKEN="+creds.SessionToken,                        // related
		"AWS_REGION="+cfg.Region,
	)
	return cmd.Run()
}

// runConfigured builds the environment in a local slice first.
func runConfigured(o Options) *exec.Cmd {
	env := os.Environ()
	env = append(env, "AWS_ACCESS_KEY_ID="+o.AccessKey)     // want `staticcreds: AWS_ACCESS_KEY_ID=… in a child's env: keys from configuration \(o\.AccessKey\)`
	env = append(env, "AWS_SECRET_ACCESS_KEY="+o.SecretKey) // related
	env = append(env, "AWS_PROFILE=backup")
	return &exec.Cmd{Path: "/usr/bin/restic", Env: env}
}

// literal puts a literal key in the child's environment: masked.
func literal() *exec.Cmd {
	cmd := exec.Command("terraform", "apply")
	cmd.Env = []string{"AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"} // want `^staticcreds: AWS_ACCESS_KEY_ID=… .* from a literal \(AKIA…MPLE\)`
	return cmd
}

// inherit passes the parent's environment through, with region and role
// settings only. Quiet.
func inherit(role string) *exec.Cmd {
	cmd := exec.Command("aws", "sts", "get-caller-identity")
	cmd.Env = append(os.Environ(), "AWS_REGION=eu-west-1", "AWS_ROLE_ARN="+role, "AWS_PROFILE=ci", "AWS_ACCESS_KEY_ID=", "AWS_SECRET_ACCESS_KEY="+"")
	return cmd
}

// notAnEnv builds a string that is never a process environment. Quiet.
func notAnEnv(o Options) []string {
	return []string{"AWS_ACCESS_KEY_ID=" + o.AccessKey}
}

// runTask overrides a container's environment with the caller's keys.
func runTask(ctx context.Context, client *ecs.Client, cfg aws.Config) error {
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return err
	}
	_, err = client.RunTask(ctx, &ecs.RunTaskInput{
		TaskDefinition: aws.String("worker"),
		Overrides: &types.TaskOverride{ContainerOverrides: []types.ContainerOverride{{
			Name: aws.String("worker"),
			Environment: []types.KeyValuePair{
				{Name: aws.String("AWS_ACCESS_KEY_ID"), Value: aws.String(creds.AccessKeyID)},  // want `staticcreds: AWS_ACCESS_KEY_ID in an ECS container env: keys from a snapshot \(cfg\.Credentials\.Retrieve\(ctx\) at src/staticcreds/handoff/handoff\.go:\d+\)`
				{Name: aws.String("AWS_SESSION_TOKEN"), Value: aws.String(creds.SessionToken)}, // related
				{Name: aws.String("AWS_REGION"), Value: aws.String(cfg.Region)},
				{Name: aws.String("AWS_SECRET_ACCESS_KEY"), Value: aws.String("")}, // cleared: quiet
				{Name: aws.String("QUEUE_URL"), Value: aws.String("https://sqs.eu-west-1.amazonaws.com/1/q")},
			},
		}}},
	})
	return err
}

// register puts configured keys in a task definition (aws-sdk-go v1).
func register(client *ecsv1.ECS, o Options) error {
	_, err := client.RegisterTaskDefinition(&ecsv1.RegisterTaskDefinitionInput{
		Family: awsv1.String("worker"),
		ContainerDefinitions: []*ecsv1.ContainerDefinition{{
			Name: awsv1.String("worker"),
			Environment: []*ecsv1.KeyValuePair{
				{Name: awsv1.String("AWS_SECRET_ACCESS_KEY"), Value: awsv1.String(o.SecretKey)}, // want `staticcreds: AWS_SECRET_ACCESS_KEY in an ECS container env: keys from configuration \(o\.SecretKey\)`
				{Name: awsv1.String("AWS_DEFAULT_REGION"), Value: awsv1.String("eu-west-1")},
			},
		}},
	})
	return err
}

// credsEnv returns a snapshot as environment entries; run hands them to a
// child through a parameter.
func credsEnv(ctx context.Context, cfg aws.Config) ([]string, error) {
	c, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, err
	}
	out := []string{"AWS_ACCESS_KEY_ID=" + c.AccessKeyID} // want `staticcreds: AWS_ACCESS_KEY_ID=… in a child's env: keys from a snapshot \(cfg\.Credentials\.… at src/staticcreds/handoff/handoff\.go:\d+\)`
	if c.SessionToken != "" {
		out = append(out, "AWS_SESSION_TOKEN="+c.SessionToken) // related
	}
	return out, nil
}

func runChild(args, env []string) error {
	c := exec.Command(args[0], args[1:]...)
	c.Env = env
	return c.Run()
}

func wrap(ctx context.Context, cfg aws.Config, args []string) error {
	env, err := credsEnv(ctx, cfg)
	if err != nil {
		return err
	}
	return runChild(args, append(os.Environ(), env...))
}

// keepsContainer hands the child the variable it needs to reach the task
// role along with keys: the fix removes the keys and keeps it.
func keepsContainer(key string) *exec.Cmd {
	cmd := exec.Command("aws", "s3", "ls")
	cmd.Env = []string{
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=" + os.Getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"),
		"AWS_ACCESS_KEY_ID=" + key, // want `^staticcreds: AWS_ACCESS_KEY_ID=… in a child's env`
	}
	return cmd
}

// registerPointers spells the pairs with & (aws-sdk-go v1): one finding,
// one fix for both.
func registerPointers(client *ecsv1.ECS, o Options) error {
	env := []*ecsv1.KeyValuePair{
		&ecsv1.KeyValuePair{Name: awsv1.String("AWS_ACCESS_KEY_ID"), Value: awsv1.String(o.AccessKey)},     // want `staticcreds: AWS_ACCESS_KEY_ID in an ECS container env: keys from configuration \(o\.AccessKey\)`
		&ecsv1.KeyValuePair{Name: awsv1.String("AWS_SECRET_ACCESS_KEY"), Value: awsv1.String(o.SecretKey)}, // related
		&ecsv1.KeyValuePair{Name: awsv1.String("AWS_REGION"), Value: awsv1.String("eu-west-1")},
	}
	_, err := client.RegisterTaskDefinition(&ecsv1.RegisterTaskDefinitionInput{ContainerDefinitions: []*ecsv1.ContainerDefinition{{Environment: env}}})
	return err
}
