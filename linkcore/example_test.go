package linkcore_test

import (
	"errors"
	"fmt"

	"accesslink/linkcore"
)

func ExampleBuild() {
	cloud, _ := linkcore.CloudByID("commercial")
	link, err := linkcore.Build(cloud, "Contoso.OnMicrosoft.com", "{114D3459-3459-114D-5934-4D1159344D11}")
	if err != nil {
		panic(err)
	}
	fmt.Println(link)
	// Output: https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/114d3459-3459-114d-5934-4d1159344d11
}

func ExampleBuild_errors() {
	_, err := linkcore.Build(linkcore.DefaultCloud, "admin@contoso.com", "114d3459-3459-114d-5934")
	var berr *linkcore.BuildError
	if errors.As(err, &berr) {
		fmt.Println("hint:", berr.Hint.Reason)
		fmt.Println("ID:", berr.ID.Reason)
	}
	// Output:
	// hint: character 6 is "@": give the domain only (contoso.com), not an address
	// ID: it has 20 of the 32 hexadecimal digits an ID has (8-4-4-4-12): it may have been cut off
}

func ExampleParsePackageID() {
	id, err := linkcore.ParsePackageID("urn:uuid:114D3459-3459-114D-5934-4D1159344D11")
	fmt.Println(id, err)
	_, err = linkcore.ParsePackageID("114d3459-3459-114d-5934-4d1159344d1g")
	fmt.Println(err)
	// Output:
	// 114d3459-3459-114d-5934-4d1159344d11 <nil>
	// invalid ID "114d3459-3459-114d-5934-4d1159344d1g": character 36 is 'g', not a hexadecimal digit (0-9, a-f)
}

func ExampleParseDirectoryHint() {
	h, _ := linkcore.ParseDirectoryHint("MÜNCHEN.de")
	fmt.Println(h.Kind, h.Value, h.Unicode())
	// Output: domain xn--mnchen-3ya.de münchen.de
}

func ExampleParseURL() {
	// Go's net/url rejects this; a browser goes to evil.example.
	u, err := linkcore.ParseURL(`https://evil.example\@myaccess.microsoft.com/`)
	fmt.Println(u.Host, err)
	u, _ = linkcore.ParseURL("https://myaccess.microsoft.com%2eevil.example/")
	fmt.Println(u.Host)
	// Output:
	// evil.example <nil>
	// myaccess.microsoft.com.evil.example
}

func ExampleCheck() {
	text := "Hi! Please request access here:\n<https://myaccess.microsoft.com/@contoso.com#/access-packages/114D3459-3459-114D-5934-4D1159344D11>."
	for _, r := range linkcore.Check(text) {
		fmt.Println(r.Verdict, r.Host(), r.Link.Hint.Value, r.Link.PackageID)
		for _, f := range r.Findings {
			fmt.Printf("%s %s: %s\n", f.Severity.Label(), f.Code, f.Fix)
		}
		fmt.Println(r.Canonical())
	}
	// Output:
	// warning myaccess.microsoft.com contoso.com 114d3459-3459-114d-5934-4d1159344d11
	// warning package-id-not-canonical: Write it as 114d3459-3459-114d-5934-4d1159344d11.
	// https://myaccess.microsoft.com/@contoso.com#/access-packages/114d3459-3459-114d-5934-4d1159344d11
}

func ExampleCheckLink_danger() {
	r := linkcore.CheckLink("https://myaccess.microsoft.com@evil.example/@contoso.com#/access-packages/114d3459-3459-114d-5934-4d1159344d11")
	fmt.Println(r.Verdict, r.Host(), r.Clickable())
	for _, f := range r.Findings {
		fmt.Println(f.Code)
	}
	// Output:
	// danger evil.example false
	// userinfo
	// unknown-host
}
