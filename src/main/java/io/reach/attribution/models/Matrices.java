package io.reach.attribution.models;

/** Dense linear algebra for the Markov model: an inverse by Gauss–Jordan elimination with partial pivoting. */
final class Matrices {

    private Matrices() {}

    static double[][] inverse(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
            inverse[i][i] = 1;
        }
        for (int column = 0; column < n; column++) {
            int pivot = column;
            for (int row = column + 1; row < n; row++) {
                if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) {
                    pivot = row;
                }
            }
            if (Math.abs(a[pivot][column]) < 1e-14) {
                throw new ArithmeticException("The chain has a closed loop with no way out: I − Q is singular");
            }
            swap(a, column, pivot);
            swap(inverse, column, pivot);
            double scale = 1 / a[column][column];
            scaleRow(a[column], scale);
            scaleRow(inverse[column], scale);
            for (int row = 0; row < n; row++) {
                double factor = a[row][column];
                if (row != column && factor != 0) {
                    subtract(a[row], a[column], factor);
                    subtract(inverse[row], inverse[column], factor);
                }
            }
        }
        return inverse;
    }

    static double[] times(double[][] matrix, double[] vector) {
        double[] result = new double[matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            double sum = 0;
            for (int j = 0; j < vector.length; j++) {
                sum += matrix[i][j] * vector[j];
            }
            result[i] = sum;
        }
        return result;
    }

    private static void swap(double[][] rows, int i, int j) {
        double[] row = rows[i];
        rows[i] = rows[j];
        rows[j] = row;
    }

    private static void scaleRow(double[] row, double scale) {
        for (int i = 0; i < row.length; i++) {
            row[i] *= scale;
        }
    }

    private static void subtract(double[] row, double[] pivotRow, double factor) {
        for (int i = 0; i < row.length; i++) {
            row[i] -= factor * pivotRow[i];
        }
    }
}
