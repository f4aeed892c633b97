package linkcore

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

const batchID = "114d3459-3459-114d-5934-4d1159344d11"

var splitBatchTests = []struct {
	name string
	text string
	want []BatchLine
}{
	{"lines", "a\n\n  b  \r\nc", []BatchLine{{1, "a"}, {3, "b"}, {4, "c"}}},
	{"blank", " \n\t\n", nil},
	{"csv link column", "name,Link\nHR,https://x/1\nIT,\nOps,https://x/2\n", []BatchLine{{2, "https://x/1"}, {4, "https://x/2"}}},
	{"csv url column, semicolons", "\uFEFFURL;Note\nhttps://x/1;a,b\n", []BatchLine{{2, "https://x/1"}}},
	{"csv quoted cell", "link\n\"https://x/1, quoted\"\n", []BatchLine{{1, "link"}, {2, "\"https://x/1, quoted\""}}},
	{"csv without link column is lines", "a,b\nc,d", []BatchLine{{1, "a,b"}, {2, "c,d"}}},
}

func TestSplitBatch(t *testing.T) {
	for _, tt := range splitBatchTests {
		if got := SplitBatch(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: SplitBatch(%q) = %v, want %v", tt.name, tt.text, got, tt.want)
		}
	}
}

func FuzzSplitBatch(f *testing.F) {
	for _, tt := range splitBatchTests {
		f.Add(tt.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, l := range SplitBatch(text) {
			if l.Line < 1 || strings.TrimSpace(l.Text) != l.Text || l.Text == "" {
				t.Fatalf("bad line %+v", l)
			}
		}
		BuildFromCSV(text, "contoso.onmicrosoft.com", DefaultCloud)
	})
}

func TestBuildFromCSV(t *testing.T) {
	link := "https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/" + batchID
	tests := []struct {
		name, text string
		want       []BuildRow
	}{
		{"header, default hint", "Name,Access package ID\nSales," + batchID + "\n\n",
			[]BuildRow{{Line: 2, Name: "Sales", ID: batchID, Hint: "contoso.onmicrosoft.com", Link: link}}},
		{"header in another order, own hint", "Directory hint;ID;Display name\nfabrikam.com;" + strings.ToUpper(batchID) + ";Ops\n",
			[]BuildRow{{Line: 2, Name: "Ops", ID: strings.ToUpper(batchID), Hint: "fabrikam.com",
				Link: "https://myaccess.microsoft.com/@fabrikam.com#/access-packages/" + batchID}}},
		{"no header: name, id, hint", "Sales," + batchID + "\nBad,1234,\n",
			[]BuildRow{
				{Line: 1, Name: "Sales", ID: batchID, Hint: "contoso.onmicrosoft.com", Link: link},
				{Line: 2, Name: "Bad", ID: "1234", Hint: "contoso.onmicrosoft.com", Problem: "package ID: " + idReason(t, "1234")},
			}},
	}
	for _, tt := range tests {
		got := BuildFromCSV(tt.text, "contoso.onmicrosoft.com", DefaultCloud)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func idReason(t *testing.T, id string) string {
	_, err := ParsePackageID(id)
	if err == nil {
		t.Fatalf("%q parses", id)
	}
	return err.(*IDError).Reason
}

func TestReportsExport(t *testing.T) {
	reports := CheckBatch([]BatchLine{
		{1, "https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/" + batchID},
		{3, "=HYPERLINK(\"https://evil.example\")"},
	})
	var decoded []map[string]any
	if err := json.Unmarshal(ReportsJSON(reports), &decoded); err != nil {
		t.Fatal(err)
	}
	if len(decoded) != 2 || decoded[0]["verdict"] != "ok" || decoded[0]["accessPackageId"] != batchID || decoded[1]["line"] != 3.0 {
		t.Errorf("JSON: %v", decoded)
	}
	rows, err := csv.NewReader(strings.NewReader(string(ReportsCSV(reports)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[1][2] != "ok" || rows[0][0] != "line" {
		t.Fatalf("CSV: %q", rows)
	}
	if !strings.HasPrefix(rows[2][1], "'=") {
		t.Errorf("formula not defused: %q", rows[2][1])
	}
}

func TestBuildRowsExport(t *testing.T) {
	rows := BuildFromCSV("name,id\n@SUM(1),"+batchID+"\n", "contoso.onmicrosoft.com", DefaultCloud)
	records, err := csv.NewReader(strings.NewReader(string(BuildRowsCSV(rows)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 2 || records[1][1] != "'@SUM(1)" || !strings.HasSuffix(records[1][4], batchID) {
		t.Errorf("CSV: %q", records)
	}
	if got := string(BuildRowsJSON(nil)); got != "[]\n" {
		t.Errorf("empty JSON = %q", got)
	}
}

func ExampleBuildFromCSV() {
	rows := BuildFromCSV("name,id\nSales,"+batchID+"\n", "contoso.onmicrosoft.com", DefaultCloud)
	fmt.Println(rows[0].Link)
	// Output: https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/114d3459-3459-114d-5934-4d1159344d11
}

func BenchmarkCheckBatch10000(b *testing.B) {
	var text strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&text, "https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/%08x-3459-114d-5934-4d1159344d11\n", i)
	}
	lines := SplitBatch(text.String())
	for b.Loop() {
		CheckBatch(lines)
	}
}
