// Package acl is like seaweedfs's s3_constants: it imports the SDK only
// for package-level tables of its data types, so it cannot carry a fact.
package acl

import (
	"errors"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// Owner is the owner of every object.
const Owner = "owner"

// PublicRead grants everyone read access.
var PublicRead = []types.Grant{{
	Grantee:    &types.Grantee{Type: types.TypeGroup, URI: aws.String("http://acs.amazonaws.com/groups/global/AllUsers")},
	Permission: types.PermissionRead,
}}

// ErrDenied is returned for a missing grant.
var ErrDenied = errors.New("denied")

// IsDenied classifies an error, not by an expiry code.
func IsDenied(err error) bool {
	return errors.Is(err, ErrDenied) || strings.Contains(err.Error(), "AccessDenied")
}
